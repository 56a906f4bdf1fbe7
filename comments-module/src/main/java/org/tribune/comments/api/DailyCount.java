package org.tribune.comments.api;

import java.time.LocalDate;

/** How many comments arrived on one day (in the time zone asked for), for the console's chart. */
public record DailyCount(LocalDate day, long count) {}
