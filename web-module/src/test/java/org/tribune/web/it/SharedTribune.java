package org.tribune.web.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a {@link TribuneServer} parameter: one server on the suite's database, shared by
 * every test class of the run that declares this extension. It starts when a test first asks for it
 * and lives in the root {@link ExtensionContext.Store}, which closes it (stops Payara) when the run
 * ends. For read-only tests only: a test that must restart the server or change its settings starts
 * its own.
 */
public final class SharedTribune implements ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(SharedTribune.class);

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
            key -> TribuneServer.onTestDatabase("shared").start(),
            TribuneServer.class);
  }
}
