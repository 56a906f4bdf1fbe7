package org.tribune.web.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Two servers for moving sites in and out, both without demo content, each on a database of its
 * own: the site the fixtures are imported into ({@link Source}), and an empty one that receives its
 * export ({@link Copy}). Started on first use, shared by the run's test classes, stopped at the
 * end.
 */
final class TransferServers implements ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(TransferServers.class);

  /** The site the WordPress and Disqus fixtures are imported into. */
  record Source(TribuneServer server) {}

  /** An empty site, for the round trip. */
  record Copy(TribuneServer server) {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Source.class || type == Copy.class || type == OldSite.class;
  }

  /** The old WordPress site the source's imports take their images from. */
  record OldSite(OldWordPressSite site) {}

  /** Both servers, launched together (their boots overlap), each awaited when first asked for. */
  private static final class Pair implements AutoCloseable {
    final OldWordPressSite oldSite = new OldWordPressSite();
    final TribuneServer source = server("transfer", oldSite).launch();
    final TribuneServer copy = server("transfer-copy", oldSite).launch();
    private boolean sourceReady;
    private boolean copyReady;

    private static TribuneServer server(String name, OldWordPressSite oldSite) {
      return TribuneServer.onTestDatabase(name)
          .withEnvironment("TRIBUNE_MEDIA_ALLOW_HOSTS", oldSite.hostAndPort())
          .withEnvironment("TRIBUNE_ADMIN_PASSWORD", ConsoleServer.ADMIN_PASSWORD)
          .withEnvironment("TRIBUNE_DEMO_CONTENT", "false")
          // Both sites start empty: the copy receives the source's pages, legal ones included.
          .withEnvironment("TRIBUNE_LEGAL_DRAFT_PAGES", "false");
    }

    synchronized TribuneServer source() {
      if (!sourceReady) {
        source.awaitBooted().awaitStatus("/", 200);
        sourceReady = true;
      }
      return source;
    }

    synchronized TribuneServer copy() {
      if (!copyReady) {
        copy.awaitBooted().awaitStatus("/", 200);
        copyReady = true;
      }
      return copy;
    }

    @Override
    public void close() {
      source.close();
      copy.close();
      oldSite.close();
    }
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Pair pair =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Pair.class, key -> new Pair(), Pair.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == OldSite.class) {
      return new OldSite(pair.oldSite);
    }
    return type == Source.class ? new Source(pair.source()) : new Copy(pair.copy());
  }
}
