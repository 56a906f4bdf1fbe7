/**
 * The media benchmark (bench/README.md, "Media: upload processing"): makes a 24-megapixel JPEG and
 * times the media library's {@code ImageProcessor} on it, one upload at a time and twenty at once,
 * in the heap the web application runs with.
 */
package org.tribune.bench.media;
