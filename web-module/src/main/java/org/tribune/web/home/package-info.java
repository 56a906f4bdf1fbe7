/** The home page: the latest published articles. */
package org.tribune.web.home;
