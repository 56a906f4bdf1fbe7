package org.tribune.articles.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores every {@link Instant} as a {@code TIMESTAMP WITH TIME ZONE} in UTC. EclipseLink 4.0 maps a
 * bare {@code Instant} to a binary column on H2; going through {@link OffsetDateTime} keeps the
 * value readable in SQL and exact on H2 and PostgreSQL, whatever the JVM's default time zone.
 */
@Converter(autoApply = true)
public class UtcInstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
