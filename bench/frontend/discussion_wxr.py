#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of one long article with a discussion, for bench/lighthouse.sh.

    python3 bench/frontend/discussion_wxr.py OUT.xml [COMMENTS=200] [THREADS=30] [SEED=7]

All comments are approved, in THREADS threads nested up to four levels, so that with the default
tribune.comments.threads-per-page (30) the whole discussion is on the article's first page: the
heaviest page a reader gets. Comment texts are French, 5 to 60 words, a few with a paragraph break,
a link, emphasis or a quotation, a third of the authors with a website (as in
bench/import/GenerateWxr.java). Deterministic for a seed.
"""
import random
import sys
from datetime import datetime, timedelta, timezone

WORDS = (
    "commune habitants conseil municipal maire élections quartier marché festival bibliothèque "
    "école collège lycée mairie préfecture département région vallée rivière montagne forêt "
    "village ville centre rue place église château pont gare route chemin sentier parc jardin "
    "été hiver printemps automne saison année mois semaine journée soirée matinée nuit "
    "association club équipe match championnat victoire défaite supporters stade théâtre "
    "cinéma concert musique spectacle exposition musée artiste peintre écrivain agriculteur "
    "récolte vendanges fromage producteurs entreprise emploi usine artisan boulangerie "
    "pharmacie médecin hôpital santé retraités jeunesse enfants familles parents élèves "
    "professeurs travaux chantier voirie réseau électricité eau budget impôts dette projet "
    "vote débat opinion avis question réponse exemple problème solution raison idée"
).split()
NAMES = (
    "Lucie Martin,Jean Dupont,Amélie Roux,Karim Benali,Sophie Leroy,Marc Petit,Nadia Haddad,"
    "Paul Girard,Élise Morel,Thomas Fabre,Inès Garnier,Hugo Lambert,Chloé Fontaine,Yann Le Gall"
).split(",")


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)

    def sentence(n):
        words = [rnd.choice(WORDS) for _ in range(n)]
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def body():
        text = sentence(5 + rnd.randrange(30))
        if rnd.randrange(3) == 0:
            text += "\n\n" + sentence(5 + rnd.randrange(25))
        kind = rnd.randrange(10)
        if kind == 0:
            return text + ' <a href="https://www.example.com/' + rnd.choice(WORDS) + '">lien</a>'
        if kind == 1:
            return "<strong>" + rnd.choice(WORDS) + "</strong> " + text
        if kind == 2:
            return "<blockquote>" + sentence(8) + "</blockquote>\n" + text
        return text

    start = datetime(2026, 10, 1, 8, 0, tzinfo=timezone.utc)
    # Parents: the first THREADS comments start threads; each other one answers an earlier
    # comment at depth < 4.
    depth = {}
    parents = {}
    for i in range(1, count + 1):
        if i <= threads:
            parents[i], depth[i] = 0, 0
        else:
            while True:
                p = rnd.randrange(1, i)
                if depth[p] < 4:
                    break
            parents[i], depth[i] = p, depth[p] + 1

    article = "\n\n".join(
        "<p>" + " ".join(sentence(8 + rnd.randrange(20)) for _ in range(4)) + "</p>" for _ in range(8)
    )
    with open(out, "w", encoding="utf-8") as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
          'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
          'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
          "<title>Banc d'essai</title><link>https://banc.example.org</link>\n"
          "<wp:wxr_version>1.2</wp:wxr_version>\n"
          "<wp:base_site_url>https://banc.example.org</wp:base_site_url>\n"
          "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>" + cdata("claire")
          + "</wp:author_login><wp:author_email>" + cdata("claire@banc.example.org")
          + "</wp:author_email><wp:author_display_name>" + cdata("Claire Dumont")
          + "</wp:author_display_name></wp:author>\n"
          "<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>" + cdata("debats")
          + "</wp:category_nicename><wp:category_parent>" + cdata("")
          + "</wp:category_parent><wp:cat_name>" + cdata("Débats") + "</wp:cat_name></wp:category>\n")
        w("<item>\n<title>" + cdata("Le grand débat du budget municipal") + "</title>\n"
          "<link>https://banc.example.org/2026/10/01/grand-debat/</link>\n"
          "<dc:creator>" + cdata("claire") + "</dc:creator>\n"
          "<content:encoded>" + cdata(article) + "</content:encoded>\n"
          "<excerpt:encoded>" + cdata("Deux cents lecteurs ont donné leur avis.") + "</excerpt:encoded>\n"
          "<wp:post_id>900</wp:post_id>\n"
          "<wp:post_date_gmt>" + cdata(start.strftime("%Y-%m-%d %H:%M:%S")) + "</wp:post_date_gmt>\n"
          "<wp:comment_status>" + cdata("open") + "</wp:comment_status>\n"
          "<wp:post_name>" + cdata("grand-debat-du-budget") + "</wp:post_name>\n"
          "<wp:status>" + cdata("publish") + "</wp:status>\n"
          "<wp:post_type>" + cdata("post") + "</wp:post_type>\n"
          '<category domain="category" nicename="debats">' + cdata("Débats") + "</category>\n")
        for i in range(1, count + 1):
            name = rnd.choice(NAMES)
            when = start + timedelta(minutes=7 * i + rnd.randrange(5))
            site = ("https://" + name.split()[0].lower().replace("é", "e") + ".example.net") if rnd.randrange(3) == 0 else ""
            w("<wp:comment><wp:comment_id>" + str(9000 + i) + "</wp:comment_id>"
              "<wp:comment_author>" + cdata(name) + "</wp:comment_author>"
              "<wp:comment_author_email>" + cdata("lecteur" + str(i % 40) + "@example.net") + "</wp:comment_author_email>"
              "<wp:comment_author_url>" + cdata(site) + "</wp:comment_author_url>"
              "<wp:comment_date_gmt>" + cdata(when.strftime("%Y-%m-%d %H:%M:%S")) + "</wp:comment_date_gmt>"
              "<wp:comment_content>" + cdata(body()) + "</wp:comment_content>"
              "<wp:comment_approved>" + cdata("1") + "</wp:comment_approved>"
              "<wp:comment_type>" + cdata("") + "</wp:comment_type>"
              "<wp:comment_parent>" + str(9000 + parents[i] if parents[i] else 0) + "</wp:comment_parent>"
              "<wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n")
        w("</item>\n</channel>\n</rss>\n")


if __name__ == "__main__":
    main()
