package org.tribune.web.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the console tests ({@link ConsoleIT}, {@link ConsoleBrowserIT}) one server of their own,
 * shared by both classes and stopped when the run ends (like {@link SharedTribune}). It is not the
 * shared server: the console tests change the site's settings, which the read-only page tests would
 * see. Its first administrator gets a known password ({@code TRIBUNE_ADMIN_PASSWORD}), as an
 * operator sets it before the first start.
 *
 * <p>The server limits sign-in attempts by client address too, so {@link Console#visitor} gives
 * each HTTP client an address of its own in 127.0.0.0/8: a test's failed sign-ins never slow down
 * another test's.
 */
final class ConsoleServer implements ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(ConsoleServer.class);

  static final String ADMIN_EMAIL = "admin@example.org";
  static final String ADMIN_PASSWORD = "Une phrase de passe pour les tests";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TribuneServer.class;
  }

  @Override
  public TribuneServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            TribuneServer.class,
            key ->
                TribuneServer.onTestDatabase("console")
                    .withEnvironment("TRIBUNE_ADMIN_PASSWORD", ADMIN_PASSWORD)
                    .start(),
            TribuneServer.class);
  }
}
