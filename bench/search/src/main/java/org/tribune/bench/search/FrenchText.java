package org.tribune.bench.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates French-like text: about two words in five are French function words (which search
 * ignores), the others are drawn from a vocabulary of {@value #VOCABULARY} words with a Zipf-like
 * law, some in the plural. A few real words sit at fixed ranks so that the benchmark can ask for a
 * very common, a common, a rarer and a rare word and know roughly how many articles have it.
 */
final class FrenchText {
  static final int VOCABULARY = 40_000;

  /**
   * Zipf-Mandelbrot: the word of rank r (from 0) is drawn with weight 1 / (r + 1 + SHIFT). The
   * shift flattens the head: the commonest word is in about 3 articles in 4, not in every one.
   */
  private static final double SHIFT = 20;

  /** Real words at fixed ranks: the benchmark's queries. Rank 0 is the commonest word. */
  static final Map<String, Integer> PLACED =
      Map.ofEntries(
          Map.entry("commune", 0),
          Map.entry("habitants", 4),
          Map.entry("conseil", 12),
          Map.entry("municipal", 30),
          Map.entry("élections", 60),
          Map.entry("quartier", 150),
          Map.entry("marché", 400),
          Map.entry("festival", 1_200),
          Map.entry("bibliothèque", 4_000),
          Map.entry("comète", 12_000),
          Map.entry("observatoire", 30_000));

  private static final String[] FUNCTION_WORDS = {
    "le", "la", "les", "un", "une", "des", "de", "du", "et", "à", "en", "dans", "par", "pour",
    "sur", "avec", "qui", "que", "au", "aux", "ce", "cette", "ces", "son", "sa", "ses", "leur",
    "est", "sont", "a", "ont", "il", "elle", "ils", "on", "nous", "plus", "pas", "ne", "mais",
    "donc"
  };

  private static final String[] REAL_WORDS = {
    "maire",
    "budget",
    "ville",
    "école",
    "collège",
    "lycée",
    "université",
    "étudiant",
    "hôpital",
    "santé",
    "médecin",
    "transport",
    "tramway",
    "gare",
    "vélo",
    "piste",
    "route",
    "travaux",
    "chantier",
    "logement",
    "loyer",
    "emploi",
    "entreprise",
    "usine",
    "commerce",
    "agriculteur",
    "récolte",
    "vigne",
    "vendange",
    "forêt",
    "rivière",
    "inondation",
    "sécheresse",
    "climat",
    "énergie",
    "solaire",
    "éolienne",
    "chauffage",
    "électricité",
    "eau",
    "pollution",
    "déchet",
    "recyclage",
    "théâtre",
    "musée",
    "concert",
    "cinéma",
    "exposition",
    "peintre",
    "roman",
    "lecture",
    "sport",
    "football",
    "rugby",
    "match",
    "équipe",
    "stade",
    "piscine",
    "course",
    "marathon",
    "cyclisme",
    "champion",
    "victoire",
    "saison",
    "association",
    "bénévole",
    "solidarité",
    "fête",
    "patrimoine",
    "église",
    "château",
    "pont",
    "place",
    "rue",
    "parc",
    "jardin",
    "arbre",
    "police",
    "justice",
    "tribunal",
    "procès",
    "enquête",
    "accident",
    "incendie",
    "pompier",
    "sécurité",
    "orage",
    "neige",
    "tempête",
    "température",
    "étoile",
    "planète",
    "science",
    "chercheur",
    "laboratoire",
    "découverte",
    "numérique",
    "réseau",
    "impôt",
    "taxe",
    "subvention",
    "région",
    "département",
    "ministre",
    "gouvernement",
    "député",
    "sénateur",
    "loi",
    "réforme",
    "retraite",
    "grève",
    "syndicat",
    "salaire",
    "manifestation",
    "scrutin",
    "candidat",
    "campagne",
    "sondage",
    "résultat",
    "famille",
    "enfant",
    "jeunesse",
    "maison",
    "immeuble",
    "architecte",
    "urbanisme",
    "projet",
    "réunion",
    "débat",
    "citoyen",
    "consultation"
  };

  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "j", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "tr", "pr", "gr",
    "bl", "cl", "fr", "br", "dr", "qu"
  };
  private static final String[] VOWELS = {
    "a", "e", "i", "o", "u", "é", "è", "ou", "au", "ai", "eu", "on", "an", "in", "oi", "ê"
  };
  private static final String[] ENDINGS = {
    "", "", "tion", "ment", "age", "ure", "ique", "eur", "euse", "ité", "isme", "ette", "ier",
    "ière", "ois", "oise", "el", "elle", "ance", "ence", "ard", "on"
  };

  private final String[] words;
  private final double[] cumulative;

  FrenchText(long seed) {
    Random random = new Random(seed);
    Set<String> made = new LinkedHashSet<>(List.of(REAL_WORDS));
    made.removeAll(PLACED.keySet());
    while (made.size() < VOCABULARY - PLACED.size()) {
      made.add(inventedWord(random));
    }
    List<String> pool = new ArrayList<>(made);
    Collections.shuffle(pool, random);
    words = new String[VOCABULARY];
    PLACED.forEach((word, rank) -> words[rank] = word);
    int next = 0;
    for (int rank = 0; rank < VOCABULARY; rank++) {
      if (words[rank] == null) {
        words[rank] = pool.get(next++);
      }
    }
    cumulative = new double[VOCABULARY];
    double sum = 0;
    for (int rank = 0; rank < VOCABULARY; rank++) {
      sum += 1.0 / (rank + 1 + SHIFT);
      cumulative[rank] = sum;
    }
    for (int rank = 0; rank < VOCABULARY; rank++) {
      cumulative[rank] /= sum;
    }
  }

  private static String inventedWord(Random random) {
    StringBuilder word = new StringBuilder();
    int syllables = 2 + random.nextInt(2);
    for (int i = 0; i < syllables; i++) {
      word.append(ONSETS[random.nextInt(ONSETS.length)]);
      word.append(VOWELS[random.nextInt(VOWELS.length)]);
    }
    return word.append(ENDINGS[random.nextInt(ENDINGS.length)]).toString();
  }

  /** A content word drawn by rank; sometimes in the plural (which search folds away). */
  String word(Random random) {
    int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
    String word = words[index < 0 ? Math.min(-index - 1, VOCABULARY - 1) : index];
    if (random.nextInt(7) == 0 && !word.endsWith("s") && !word.endsWith("x")) {
      return word + "s";
    }
    return word;
  }

  /** A sentence of about {@code length} words, capitalised, ending with a full stop. */
  String sentence(Random random, int length) {
    StringBuilder sentence = new StringBuilder();
    for (int i = 0; i < length; i++) {
      String next =
          random.nextInt(5) < 2
              ? FUNCTION_WORDS[random.nextInt(FUNCTION_WORDS.length)]
              : word(random);
      if (i == 0) {
        sentence.append(Character.toUpperCase(next.charAt(0))).append(next, 1, next.length());
      } else {
        sentence.append(i % 9 == 0 ? ", " : " ").append(next);
      }
    }
    return sentence.append('.').toString();
  }

  /** A title: a few words, no full stop. */
  String title(Random random) {
    String sentence = sentence(random, 5 + random.nextInt(6));
    return sentence.substring(0, sentence.length() - 1);
  }

  /** Paragraphs of a few sentences each. */
  List<String> paragraphs(Random random, int count) {
    List<String> paragraphs = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      StringBuilder paragraph = new StringBuilder();
      int sentences = 3 + random.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        paragraph.append(s == 0 ? "" : " ").append(sentence(random, 8 + random.nextInt(14)));
      }
      paragraphs.add(paragraph.toString());
    }
    return paragraphs;
  }
}
