package org.tribune.web.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the editorial and moderation flows ({@link ConsoleFlowsIT}, {@link ConsoleFlowsBrowserIT})
 * one server of their own, shared by both classes and stopped when the run ends (like {@link
 * SharedTribune}). Its first administrator has the password of {@link ConsoleServer}, so that
 * {@link Console#admin} signs in on either server. Comments are held as the default policy holds
 * them ({@code first-time}: an address's comments wait until one is approved), forms may be sent at
 * once (a held comment is then held by the moderation, not taken for spam) and no test reaches the
 * rate limit. Its embeds may fetch from the {@link FakeOEmbedProvider} on 127.0.0.1 (and only that
 * host of the loopback). Not {@link ConsoleServer}'s server: those tests change the site's
 * settings, and these publish articles the public pages then list.
 */
final class ConsoleFlowsServer implements ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(ConsoleFlowsServer.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TribuneServer.class || type == FakeOEmbedProvider.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == FakeOEmbedProvider.class) {
      return provider(context);
    }
    FakeOEmbedProvider provider = provider(context);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            TribuneServer.class,
            key ->
                TribuneServer.onTestDatabase("console-flows")
                    .withEnvironment("TRIBUNE_ADMIN_PASSWORD", ConsoleServer.ADMIN_PASSWORD)
                    .withEnvironment("TRIBUNE_COMMENTS_MODERATION", "first-time")
                    .withEnvironment("TRIBUNE_COMMENTS_MIN_FORM_SECONDS", "0")
                    .withEnvironment("TRIBUNE_COMMENTS_RATE_LIMIT", "1000")
                    .withEnvironment("TRIBUNE_EMBEDS_ALLOW_HOSTS", provider.hostAndPort())
                    .start(),
            TribuneServer.class);
  }

  /** The fake oEmbed provider the server may reach (started first: the server is told its port). */
  private static FakeOEmbedProvider provider(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            FakeOEmbedProvider.class, key -> new FakeOEmbedProvider(), FakeOEmbedProvider.class);
  }
}
