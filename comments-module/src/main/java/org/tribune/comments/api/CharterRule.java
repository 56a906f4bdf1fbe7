package org.tribune.comments.api;

/**
 * The rules of the site's <em>Charte de modération</em> a decision applies, as the charter the site
 * drafts at its first start lists them (one rule per item of « Ce qui est refusé », the off-topic
 * rule, the law). The statement of reasons names one, then says more in free text.
 */
public enum CharterRule {
  /** The comment breaks no rule: the decision of a {@link DecisionOutcome#KEEP}. */
  NO_BREACH,
  /** Propos injurieux ou diffamatoires, attaques contre une personne. */
  INSULT_DEFAMATION,
  /**
   * Incitation à la haine, à la violence, à la discrimination; apologie de crimes ou du terrorisme.
   */
  HATE,
  /** Harcèlement, menaces, informations sur la vie privée d’autrui. */
  HARASSMENT_PRIVACY,
  /** Publicité, messages répétés, liens sans rapport avec l’article. */
  ADVERTISING,
  /** Reproduction de textes sans en avoir les droits. */
  COPYRIGHT,
  /** Hors sujet, empêchant la discussion de se tenir. */
  OFF_TOPIC,
  /** Contraire à la loi, hors des cas ci-dessus. */
  UNLAWFUL
}
