package org.tribune.web.assets;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The WAR's public static files, fingerprinted once when the application starts: every file under
 * {@link #FOLDERS}. Templates write {@code #{assets.path('/css/site.css')}}; a path that is not
 * catalogued comes back unchanged (with the context path), so a page never links nowhere.
 */
@Named("assets")
@ApplicationScoped
public class Assets {
  private static final Logger LOG = Logger.getLogger(Assets.class.getName());

  /** The folders of the WAR whose files are catalogued (sub-folders included). */
  static final List<String> FOLDERS = List.of("/css/", "/js/", "/images/", "/resources/tribune/");

  @Inject private ServletContext context;

  private AssetCatalogue catalogue;

  @PostConstruct
  void read() {
    Map<String, byte[]> files = new TreeMap<>();
    for (String folder : FOLDERS) {
      collect(folder, files);
    }
    catalogue = AssetCatalogue.of(files);
    LOG.fine(() -> "static files: " + catalogue.all());
  }

  private void collect(String folder, Map<String, byte[]> files) {
    Set<String> paths = context.getResourcePaths(folder);
    if (paths == null) {
      return;
    }
    for (String path : paths) {
      if (path.endsWith("/")) {
        collect(path, files);
        continue;
      }
      try (InputStream in = context.getResourceAsStream(path)) {
        if (in != null) {
          files.put(path, in.readAllBytes());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }
  }

  /** The address to link: {@code /css/site.css} → {@code /assets/site.3f2a1c9b0d.css}. */
  public String path(String sitePath) {
    return context.getContextPath() + catalogue.addressOf(sitePath);
  }

  public AssetCatalogue catalogue() {
    return catalogue;
  }
}
