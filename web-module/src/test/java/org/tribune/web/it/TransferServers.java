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
    return type == Source.class || type == Copy.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    String name = type == Source.class ? "transfer" : "transfer-copy";
    TribuneServer server =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                name,
                key ->
                    TribuneServer.onTestDatabase(name)
                        .withEnvironment("TRIBUNE_ADMIN_PASSWORD", ConsoleServer.ADMIN_PASSWORD)
                        .withEnvironment("TRIBUNE_DEMO_CONTENT", "false")
                        .start(),
                TribuneServer.class);
    return type == Source.class ? new Source(server) : new Copy(server);
  }
}
