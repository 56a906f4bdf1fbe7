package org.tribune.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries of the design, checked on the compiled classes of all three modules: a
 * module's {@code internal} package is its own, articles never depends on comments, nothing in the
 * domains depends on the web module, and no module's packages depend on each other in a cycle.
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

  /**
   * The comments module's packages depend on each other one way: {@code internal} uses {@code
   * internal.mail} (which knows comments through its own {@code MailedComment} and {@code
   * Subscriber}), and both use {@code internal.database}.
   */
  @ArchTest
  static final ArchRule commentsPackagesHaveNoCycle =
      slices().matching("org.tribune.comments.(**)").should().beFreeOfCycles();

  /**
   * The web module's areas ({@code site}, {@code config}, {@code cache}, {@code discussion}, {@code
   * transfer}, the {@code console} with everything under it…) depend on each other one way. When
   * two need each other, one is missing an event or a small interface, or a class lives in the
   * wrong room: the discussion tells the console's audit log of a report by an event ({@code
   * CommentReported}), the page cache asks the discussion about cookies through its own {@code
   * CookieRules}, the stored settings live with the site that reads them.
   */
  @ArchTest
  static final ArchRule webAreasHaveNoCycle =
      slices().matching("org.tribune.web.(*)..").should().beFreeOfCycles();

  /**
   * Within an area too, package by package: the console's sub-packages among themselves and with
   * the console's own package, which they use ({@code ConsoleMessages}, {@code ConsoleHeaders}) and
   * which knows none of them ({@code FirstAdmin} observes {@code ConsoleSchemaMigrated}).
   */
  @ArchTest
  static final ArchRule webPackagesHaveNoCycle =
      slices().matching("org.tribune.web.(**)").should().beFreeOfCycles();
}
