/** The home page: the latest published articles, paginated. */
package org.tribune.web.home;
