package org.tribune.bench.suite;

import java.util.Random;

/**
 * French-like text on neutral subjects (local news, science, culture): function words between
 * common nouns and adjectives, common words drawn more often. Deterministic for a {@link Random}.
 */
final class Text {
  private static final String[] FUNCTION_WORDS = {
    "le", "la", "les", "un", "une", "des", "de", "du", "et", "à", "en", "dans", "par", "pour",
    "sur", "avec", "qui", "que", "au", "aux", "ce", "cette", "ces", "son", "sa", "ses", "leur",
    "est", "sont", "a", "ont", "il", "elle", "on", "nous", "plus", "pas", "mais", "donc"
  };

  private static final String[] WORDS =
      ("commune habitants conseil municipal maire budget quartier marché festival bibliothèque "
              + "médiathèque école collège lycée université étudiants mairie département région vallée "
              + "rivière montagne forêt village ville centre rue place église château pont gare route "
              + "sentier parc jardin été hiver printemps automne saison année semaine journée soirée "
              + "association club équipe match championnat victoire stade théâtre cinéma concert "
              + "musique spectacle exposition musée artiste peintre écrivain roman lecture "
              + "agriculteur vigneron récolte vendanges fromage producteurs coopérative entreprise "
              + "emploi usine artisan commerçant boulangerie pharmacie médecin hôpital santé "
              + "retraités jeunesse enfants familles parents élèves professeurs travaux chantier "
              + "voirie réseau électricité eau énergie solaire climat sécheresse orage neige tempête "
              + "température observatoire étoile planète comète télescope laboratoire chercheurs "
              + "découverte fouilles archéologues patrimoine histoire archives photographie "
              + "bénévoles solidarité fête tradition randonnée vélo tramway transport logement "
              + "projet réunion débat vote décision habitant citoyen public ouvert nouveau grand "
              + "petit ancien local municipal régional important prochain dernier premier beau "
              + "calme long court rapide difficile simple récent annuel gratuit")
          .split(" ");

  private static final String[] FIRST = {
    "Camille", "Lucie", "Thomas", "Julien", "Claire", "Nicolas", "Sophie", "Antoine", "Élise",
    "Mathieu", "Léa", "Hugo", "Manon", "Louis", "Chloé", "Paul", "Inès", "Arthur", "Emma", "Jules"
  };
  private static final String[] LAST = {
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier"
  };

  private Text() {}

  static String word(Random random) {
    double u = random.nextDouble();
    return WORDS[(int) (u * u * WORDS.length)];
  }

  static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder(words * 8);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        s.append(i % 7 == 6 && random.nextInt(3) == 0 ? ", " : " ");
      }
      s.append(
          random.nextInt(5) < 2
              ? FUNCTION_WORDS[random.nextInt(FUNCTION_WORDS.length)]
              : word(random));
    }
    s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
    int end = random.nextInt(20);
    s.append(end == 0 ? " ?" : end == 1 ? " !" : ".");
    return s.toString();
  }

  static String paragraph(Random random, int sentences) {
    StringBuilder p = new StringBuilder(sentences * 100);
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        p.append(' ');
      }
      p.append(sentence(random, 8 + random.nextInt(14)));
    }
    return p.toString();
  }

  static String title(Random random) {
    String t = sentence(random, 5 + random.nextInt(6));
    return t.substring(0, t.length() - 1).strip();
  }

  /** A comment as typed: one to three paragraphs separated by blank lines. */
  static String comment(Random random) {
    int paragraphs = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
    StringBuilder c = new StringBuilder();
    for (int i = 0; i < paragraphs; i++) {
      if (i > 0) {
        c.append("\n\n");
      }
      c.append(paragraph(random, 1 + random.nextInt(3)));
    }
    return c.toString();
  }

  static String name(Random random) {
    return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
  }

  /** Commenters' addresses: {@code lecteurN@example.net}. */
  static String email(int n) {
    return "lecteur" + n + "@example.net";
  }
}
