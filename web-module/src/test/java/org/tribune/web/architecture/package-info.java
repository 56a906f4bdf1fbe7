/** Build-time checks of the module boundaries (ArchUnit). */
package org.tribune.web.architecture;
