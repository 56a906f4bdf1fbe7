/**
 * The media benchmark (bench/README.md, "Media: upload processing"): makes a 24-megapixel JPEG and
 * times the media library's {@code ImageProcessor} on it, one upload at a time and twenty at once,
 * in the heap the web application runs with; and for {@code serve.sh} ("Media: serving and the
 * library at 50 000 items"), the console's side: an upload and the library pages timed as staff
 * open them ({@link org.tribune.bench.media.MediaConsole}), and the library filled with 50 000
 * items through JDBC ({@link org.tribune.bench.media.SeedLibrary}).
 */
package org.tribune.bench.media;
