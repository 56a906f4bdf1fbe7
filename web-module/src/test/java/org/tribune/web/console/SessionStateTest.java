package org.tribune.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the console keeps between requests (view- and session-scoped beans) lives in the HTTP
 * session, which the web application, distributable, copies to the data grid when it runs in a
 * cluster: every field must serialise, or a staff member's page state is lost (and an error logged)
 * when the node that served it goes away. Injected fields are the container's business (its client
 * proxies serialise and find their bean again on the other node) as long as they are not {@code
 * transient}: a transient one is {@code null} once the session has moved, and the first postback of
 * a page opened on one node and sent to another failed with a 500 ({@code cluster/soak} found it:
 * the balancer sends each request to the next node).
 */
class SessionStateTest {

  @Test
  void everyFieldOfTheConsolesKeptBeansSerialises() {
    List<String> problems = new ArrayList<>();
    List<Class<?>> beans = new ArrayList<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tribune.web")) {
      if (type.isAnnotatedWith(ViewScoped.class) || type.isAnnotatedWith(SessionScoped.class)) {
        beans.add(type.reflect());
      }
    }
    assertFalse(beans.isEmpty(), "no view- or session-scoped bean found");
    for (Class<?> bean : beans) {
      if (!Serializable.class.isAssignableFrom(bean)) {
        problems.add(bean.getName() + " is not Serializable");
      }
      for (Field field : bean.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (field.isAnnotationPresent(Inject.class)) {
          if (Modifier.isTransient(modifiers)) {
            problems.add(
                bean.getSimpleName()
                    + "."
                    + field.getName()
                    + ": injected and transient (null on another node)");
          }
          continue;
        }
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
          continue;
        }
        String problem = problem(field.getGenericType());
        if (problem != null) {
          problems.add(bean.getSimpleName() + "." + field.getName() + ": " + problem);
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** Why a value of this type may not serialise, or {@code null}. */
  private static String problem(Type type) {
    return problem(type, new HashSet<>());
  }

  private static String problem(Type type, Set<Type> seen) {
    if (!seen.add(type)) {
      return null;
    }
    if (type instanceof Class<?> plain) {
      if (plain.isRecord() && Serializable.class.isAssignableFrom(plain)) {
        // A record serialises its components: each must.
        for (RecordComponent component : plain.getRecordComponents()) {
          String inner = problem(component.getGenericType(), seen);
          if (inner != null) {
            return plain.getSimpleName() + "." + component.getName() + ": " + inner;
          }
        }
        return null;
      }
      if (plain.isPrimitive() || plain.isEnum() || Serializable.class.isAssignableFrom(plain)) {
        return null;
      }
      // Collections and maps serialise when their elements do (checked through the type's
      // arguments); any other interface or class may not.
      return plain.isInterface() && isCollection(plain)
          ? null
          : plain.getName() + " is not Serializable";
    }
    if (type instanceof ParameterizedType generic) {
      String raw = problem(generic.getRawType(), seen);
      if (raw != null) {
        return raw;
      }
      for (Type argument : generic.getActualTypeArguments()) {
        String inner = problem(argument, seen);
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        String inner = problem(bound, seen);
        if (inner != null && !bound.equals(Object.class)) {
          return inner;
        }
      }
      return null;
    }
    return type + " cannot be checked";
  }

  private static boolean isCollection(Class<?> type) {
    return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
  }
}
