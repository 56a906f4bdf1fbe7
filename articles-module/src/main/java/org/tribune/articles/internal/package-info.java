/**
 * Internals of the article domain: JPA entities, the default services ({@code
 * DefaultArticleService}, {@code DefaultEditorialService}, {@code DefaultArticleTransferService}…),
 * the schema migrations runner and demo content. Only this module may use this package; ArchUnit
 * checks it.
 *
 * <p>Each default service carries {@code @ValidateOnExecution}: the Bean Validation constraints are
 * declared on the {@code api} interfaces, and Hibernate Validator's CDI extension only intercepts a
 * bean whose own class mentions a validation annotation. Without it, no parameter constraint was
 * ever checked.
 */
package org.tribune.articles.internal;
