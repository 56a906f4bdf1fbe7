/** Build-time checks of the module boundaries and of package cycles in every module (ArchUnit). */
package org.tribune.web.architecture;
