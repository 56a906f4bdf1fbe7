package org.tribune.articles.internal.embed;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.articles.internal.Embeds;

/**
 * The site's embeds: oEmbed answers from {@link EmbedCache}, else fetched once by {@link
 * OEmbedClient} and kept. Runs where the body is rendered (the writer's transaction, or the
 * console's preview): the client's limits (3 s, 256 KB, 3 redirects) bound what a save can wait.
 */
@ApplicationScoped
public class SiteEmbeds implements Embeds {
  private static final Logger LOG = Logger.getLogger(SiteEmbeds.class.getName());

  @Inject
  @ConfigProperty(name = "tribune.site.locale", defaultValue = "fr-FR")
  String siteLocale;

  /**
   * Test only: {@code host:port} pairs that may be fetched over http and on private addresses (the
   * tests' fake oEmbed provider on 127.0.0.1). Empty in production.
   */
  @Inject
  @ConfigProperty(name = "tribune.embeds.allow-hosts")
  Optional<String> allowHosts;

  @Inject EmbedCache cache;

  private EmbedMaker maker;

  @PostConstruct
  void start() {
    Set<String> allowed =
        Arrays.stream(allowHosts.orElse("").split(","))
            .map(s -> s.strip().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    OEmbedClient client = new OEmbedClient(allowed);
    maker = new EmbedMaker(siteLocale, allowed, link -> lookup(client, link));
  }

  private Optional<OEmbed> lookup(OEmbedClient client, EmbedLink link) {
    Optional<OEmbed> kept = cache.find(link.url());
    if (kept.isPresent()) {
      return kept;
    }
    Optional<OEmbed> fetched = client.get(link.oembed()).flatMap(OEmbed::parse);
    fetched.ifPresent(
        answer -> {
          try {
            cache.store(link.url(), answer);
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "oEmbed answer not kept (kept by another save?)", e);
          }
        });
    return fetched;
  }

  @Override
  public Optional<String> link(String url) {
    return maker.link(url);
  }

  @Override
  public Optional<String> pasted(String html) {
    return maker.pasted(html);
  }
}
