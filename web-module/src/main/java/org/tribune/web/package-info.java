/**
 * The web application: it composes the articles and comments modules into one WAR. Sub-packages
 * follow the areas of the site ({@code home}, {@code site}, {@code config}); nothing outside this
 * module uses them.
 */
package org.tribune.web;
