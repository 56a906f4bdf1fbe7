/**
 * The pages French law and good practice ask of a publication: the <em>Mentions légales</em> (LCEN
 * art. 6-III), the <em>Charte de modération</em>, the <em>Politique de confidentialité</em> and the
 * <em>Déclaration d’accessibilité</em>. Tribune drafts them from templates on the first start (and
 * from the console on demand); the administrator completes and publishes them like any page, and
 * the footer links to the published ones.
 */
package org.tribune.web.legal;
