package io.closeloop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded person records with known truth, generated without any code of the matcher. Each person has a
 * first name (some with a common nickname), a surname drawn at its real frequency (US Census 2010, counts per
 * 100,000 people, for the 50 most common; the remaining 87 % are rarer names built from syllables), a UK-style
 * postcode and, for half the persons, an employer's email domain (sometimes a regional subdomain such as
 * {@code eu.acme.com}); the others use free mail. Every person has 1 to 3 records; each record after the first
 * is a duplicate with, independently: a typo in the first name 20 %, in the last name 20 % (substitution,
 * insertion, deletion or transposition), the nickname instead of the first name 10 %, first and last name
 * swapped 5 %, another postcode 10 %, and one of first name, last name, postcode or email missing 15 %.
 */
public final class PersonRecords {

    /** One record: the clear values a form would send, and the person it belongs to. */
    public record Person(int person, String firstName, String lastName, String postcode, String email) {
    }

    private static final String[] SURNAMES = {"smith", "johnson", "williams", "brown", "jones", "garcia", "miller",
        "davis", "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor",
        "moore", "jackson", "martin", "lee", "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez",
        "lewis", "robinson", "walker", "young", "allen", "king", "wright", "scott", "torres", "nguyen", "hill",
        "flores", "green", "adams", "nelson", "baker", "hall", "rivera", "campbell", "mitchell", "carter", "roberts"};
    private static final int[] PER_100K = {828, 655, 550, 487, 483, 466, 424, 411, 390, 382, 375, 327, 319, 319, 314,
        295, 294, 274, 264, 263, 249, 232, 232, 227, 214, 212, 192, 189, 179, 176, 172, 164, 162, 161, 160, 152,
        152, 149, 147, 147, 145, 142, 141, 139, 136, 135, 127, 126, 124, 122};
    private static final String[][] FIRST = {{"robert", "bob"}, {"william", "bill"}, {"elizabeth", "liz"},
        {"james", "jim"}, {"michael", "mike"}, {"richard", "dick"}, {"joseph", "joe"}, {"thomas", "tom"},
        {"charles", "chuck"}, {"christopher", "chris"}, {"daniel", "dan"}, {"matthew", "matt"}, {"anthony", "tony"},
        {"margaret", "maggie"}, {"katherine", "kate"}, {"jennifer", "jen"}, {"patricia", "pat"}, {"susan", "sue"},
        {"rebecca", "becky"}, {"jonathan", "jon"}, {"alexander", "alex"}, {"benjamin", "ben"}, {"samuel", "sam"},
        {"andrew", "andy"}, {"edward", "ed"}, {"nicholas", "nick"}, {"steven", "steve"}, {"timothy", "tim"},
        {"deborah", "debbie"}, {"jessica", "jess"}, {"mary"}, {"linda"}, {"barbara"}, {"sarah"}, {"karen"},
        {"nancy"}, {"lisa"}, {"betty"}, {"sandra"}, {"ashley"}, {"emily"}, {"donna"}, {"michelle"}, {"carol"},
        {"amanda"}, {"melissa"}, {"laura"}, {"anna"}, {"sofia"}, {"emma"}, {"olivia"}, {"chloe"}, {"hannah"},
        {"george"}, {"kevin"}, {"brian"}, {"jason"}, {"ryan"}, {"jose"}, {"luis"}, {"wei"}, {"yuki"}, {"priya"},
        {"arjun"}, {"olga"}, {"dmitri"}, {"ingrid"}, {"fatima"}, {"oliver"}, {"harry"}, {"jack"}, {"noah"},
        {"leo"}, {"oscar"}, {"isla"}, {"freya"}, {"ava"}, {"mia"}, {"amelia"}, {"grace"}, {"lucas"}, {"ethan"},
        {"liam"}, {"mason"}, {"logan"}, {"aiden"}, {"zoe"}, {"ella"}, {"ruby"}, {"evie"}, {"max"}, {"finn"}};
    private static final String[] SYLLABLES = {"ba", "ber", "cal", "dor", "el", "fen", "gar", "hol", "in", "jor",
        "kel", "lan", "mar", "nor", "ost", "pel", "quin", "ros", "sal", "tor", "ul", "van", "wes", "yar", "zel",
        "ash", "brook", "ton", "ley", "wood", "field", "berg", "stein", "ski", "ova", "ez", "son", "man", "ford"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final SplittableRandom random;

    public PersonRecords(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Records of {@code persons} persons, duplicates following their first record in random order. */
    public List<Person> generate(int persons) {
        List<Person> records = new ArrayList<>();
        int companies = Math.max(10, persons / 20);
        for (int p = 0; p < persons; p++) {
            String[] first = FIRST[zipf(FIRST.length)];
            String last = surname();
            String postcode = postcode();
            String email = random.nextBoolean()
                    ? first[0] + "." + last + "@" + (random.nextInt(5) == 0 ? "eu." : "") + "company"
                            + random.nextInt(companies) + ".com"
                    : first[0] + last + random.nextInt(100) + "@gmail.com";
            records.add(new Person(p, first[0], last, postcode, email));
            int copies = random.nextInt(3);
            for (int c = 0; c < copies; c++) {
                records.add(duplicate(p, first, last, postcode, email));
            }
        }
        return records;
    }

    private Person duplicate(int p, String[] names, String last, String postcode, String email) {
        String first = names.length > 1 && random.nextDouble() < 0.10 ? names[1] : names[0];
        if (random.nextDouble() < 0.20) {
            first = typo(first);
        }
        if (random.nextDouble() < 0.20) {
            last = typo(last);
        }
        if (random.nextDouble() < 0.05) {
            String swap = first;
            first = last;
            last = swap;
        }
        if (random.nextDouble() < 0.10) {
            postcode = postcode();
        }
        if (random.nextDouble() < 0.15) {
            switch (random.nextInt(4)) {
                case 0 -> first = null;
                case 1 -> last = null;
                case 2 -> postcode = null;
                default -> email = null;
            }
        }
        return new Person(p, first, last, postcode, email);
    }

    private String surname() {
        int draw = random.nextInt(100_000);
        for (int s = 0; s < SURNAMES.length; s++) {
            draw -= PER_100K[s];
            if (draw < 0) {
                return SURNAMES[s];
            }
        }
        StringBuilder name = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return name.toString();
    }

    private String postcode() {
        return "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + (1 + random.nextInt(60))
                + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
    }

    private String typo(String s) {
        if (s.length() < 2) {
            return s;
        }
        int at = random.nextInt(s.length());
        char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, at) + letter + s.substring(at + 1);
            case 1 -> s.substring(0, at) + letter + s.substring(at);
            case 2 -> s.substring(0, at) + s.substring(at + 1);
            default -> at + 1 < s.length()
                    ? s.substring(0, at) + s.charAt(at + 1) + s.charAt(at) + s.substring(at + 2) : s;
        };
    }

    private int zipf(int size) {
        double draw = random.nextDouble() * 2 * Math.sqrt(size);
        return Math.min(size - 1, (int) (draw * draw / 4));
    }
}
