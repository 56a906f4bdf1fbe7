package org.tribune.articles.api;

import java.io.Serializable;

/**
 * One of the widths an image is served in.
 *
 * @param path the site-relative address, {@code /media/{hash}-{width}.{ext}}: it names the content,
 *     so it can be cached for good
 */
public record MediaRendition(int width, int height, String path) implements Serializable {}
