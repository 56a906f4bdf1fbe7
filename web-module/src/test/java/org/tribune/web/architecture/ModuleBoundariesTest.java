package org.tribune.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries of the design, checked on the compiled classes of all three modules: a
 * module's {@code internal} package is its own, articles never depends on comments, and nothing in
 * the domains depends on the web module.
 */
@AnalyzeClasses(packages = "org.tribune", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

  @ArchTest
  static final ArchRule articlesInternalsStayInTheArticlesModule =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.tribune.articles..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tribune.articles.internal..");

  @ArchTest
  static final ArchRule commentsInternalsStayInTheCommentsModule =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.tribune.comments..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tribune.comments.internal..");

  @ArchTest
  static final ArchRule articlesDoNotKnowComments =
      noClasses()
          .that()
          .resideInAPackage("org.tribune.articles..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tribune.comments..");

  @ArchTest
  static final ArchRule domainsDoNotKnowTheWebModule =
      noClasses()
          .that()
          .resideInAnyPackage("org.tribune.articles..", "org.tribune.comments..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tribune.web..");

  @ArchTest
  static final ArchRule entitiesStayInternal =
      noClasses()
          .that()
          .resideInAnyPackage("org.tribune.articles.api..", "org.tribune.comments.api..")
          .should()
          .beAnnotatedWith(jakarta.persistence.Entity.class);

  /**
   * The articles module's packages depend on each other one way: {@code internal.media} uses {@code
   * internal}, which finds the library's figures through its own {@code MediaFigures}.
   */
  @ArchTest
  static final ArchRule articlesPackagesHaveNoCycle =
      slices().matching("org.tribune.articles.(**)").should().beFreeOfCycles();
}
