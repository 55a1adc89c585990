package io.closeloop.identity.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded generator of noisy, labelled person records, written without any of the matcher's code.
 * Persons get names from lists with a skewed popularity (so names repeat), an employer (colleagues share
 * its domain, office postcode, office network and often a browser build), a home postcode and network;
 * some have a relative living with them. Each person appears 1–4 times, every record independently
 * spoiled: typos (insert, delete, substitute, transpose), nicknames, first and last name swapped, missing
 * fields, free-mail addresses, other formats of the same value, another network, visits minutes or weeks
 * apart. Values come raw (mixed case, accents, spaces, full IPs, emails or URLs), as sources send them.
 */
final class SyntheticPeople {

    /**
     * How often values go missing or differ between a person's records. {@link #standard()} is the level
     * the accuracy bar is asserted at; {@link #hard()} drops more fields and mixes home and work more.
     */
    record Noise(double firstMissing, double lastMissing, double atWork, double noContact, double freeMail,
                 double ipPresent) {
        static Noise standard() {
            return new Noise(0.03, 0.02, 0.85, 0.1, 0.1, 0.75);
        }

        static Noise hard() {
            return new Noise(0.1, 0.05, 0.6, 0.2, 0.15, 0.6);
        }
    }

    record Raw(String id, String personId, String firstName, String lastName, String emailOrUrl, String postcode,
               String ip, String userAgentHash, Instant occurredAt) {
    }

    private record Person(String id, String first, String last, int company, String homePostcode, String homeNet,
                          String userAgent, Instant firstSeen) {
    }

    static final String[] FIRST = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
        "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
        "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Margaret", "Anthony", "Betty",
        "Mark", "Sandra", "Donald", "Ashley", "Steven", "Dorothy", "Paul", "Kimberly", "Andrew", "Emily", "Joshua",
        "Donna", "Kenneth", "Michelle", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa", "Edward",
        "Deborah", "Ronald", "Stephanie", "Timothy", "Rebecca", "Jason", "Laura", "Jeffrey", "Sharon", "Ryan",
        "Cynthia", "Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Shirley", "Eric", "Angela", "Jonathan", "Helen",
        "Stephen", "Anna", "Larry", "Brenda", "Justin", "Pamela", "Scott", "Nicole", "Brandon", "Samantha",
        "Benjamin", "Katherine", "Samuel", "Emma", "Frank", "Ruth", "Gregory", "Christine", "Raymond", "Catherine",
        "José", "Zoë", "Søren", "Chloé", "René", "Inès", "Jürgen", "Ana", "Luis", "Sofía", "Mohammed", "Fatima",
        "Wei", "Yuki", "Priya", "Arjun", "Olga", "Dmitri", "Björn", "Ingrid"};

    static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
        "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
        "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
        "Roberts", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
        "Hoffmann", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Fontaine", "Rousseau", "Bernard", "Rossi",
        "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
        "Gallo", "Conti", "De Luca", "Costa", "Giordano", "Mancini", "Rizzo", "Lombardi", "Moretti", "Novak",
        "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kovačević", "Horvat", "Jensen", "Nielsen", "Hansen",
        "Pedersen", "Andersen", "Larsen", "Johansson", "Karlsson", "Nilsson", "Eriksson", "O'Brien", "Murphy",
        "Kelly", "Sullivan", "Walsh", "Byrne", "Ryan", "O'Connor", "Yamamoto", "Tanaka", "Sato", "Suzuki",
        "Kim", "Park", "Chen", "Wang", "Singh", "Patel"};

    private static final Map<String, String> NICKNAMES = Map.ofEntries(Map.entry("William", "Bill"),
            Map.entry("Robert", "Bob"), Map.entry("Richard", "Dick"), Map.entry("Elizabeth", "Liz"),
            Map.entry("Margaret", "Peggy"), Map.entry("James", "Jim"), Map.entry("Michael", "Mike"),
            Map.entry("Jennifer", "Jen"), Map.entry("Katherine", "Kate"), Map.entry("Christopher", "Chris"),
            Map.entry("Joseph", "Joe"), Map.entry("Thomas", "Tom"), Map.entry("Anthony", "Tony"),
            Map.entry("Daniel", "Dan"), Map.entry("Matthew", "Matt"), Map.entry("Benjamin", "Ben"),
            Map.entry("Samantha", "Sam"), Map.entry("Rebecca", "Becky"), Map.entry("Nicholas", "Nick"));

    /**
     * Endings that turn the surname list into about 2,500 surnames, so that two random persons share a
     * surname about as often as in a real population (a few in ten thousand).
     */
    private static final String[] SURNAME_ENDINGS = {"son", "er", "ley", "ton", "field", "wood", "man", "s", "berg",
        "ford", "well", "by", "ham", "stein", "ini", "ez", "sen", "ov", "ski", "dale"};

    private static final String[] WORDS = {"north", "blue", "river", "summit", "acme", "bright", "cedar", "delta",
        "ember", "falcon", "granite", "harbor", "iron", "jade", "keystone", "lumen", "maple", "nova", "orbit",
        "pioneer", "quartz", "redwood", "silver", "terra", "union", "vertex", "willow", "zenith"};
    private static final String[] TRADES = {"logistics", "labs", "media", "health", "foods", "systems", "capital",
        "energy", "design", "legal"};
    private static final String[] TLDS = {"com", "co.uk", "de", "io", "fr", "net"};
    private static final String[] FREE_MAIL = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com"};
    private static final String[] DISTRICTS = {"SW1A", "EC2M", "W1D", "M1", "B15", "LS6", "G12", "EH1", "BS8",
        "CF10", "NE1", "L1", "S10", "NG7", "OX1", "CB2", "BN1", "RG1", "YO1", "PL4", "SW11", "SE1", "N1", "E14",
        "NW3", "W11", "EC1V", "M14", "B1", "LS1"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final SplittableRandom random;
    private final Noise noise;
    private final List<String> companyDomains = new ArrayList<>();
    private final List<String> companyPostcodes = new ArrayList<>();
    private final List<String> companyNets = new ArrayList<>();
    private final List<String> userAgents = new ArrayList<>();
    private final Map<String, Integer> uses = new HashMap<>();

    SyntheticPeople(long seed, Noise noise) {
        this.random = new SplittableRandom(seed);
        this.noise = noise;
    }

    /** Records of {@code persons} persons (plus their relatives), in generation order. */
    List<Raw> generate(int persons) {
        int companies = Math.max(10, persons / 15);
        for (int c = 0; c < companies; c++) {
            companyDomains.add(pick(WORDS) + (random.nextBoolean() ? "-" : "") + pick(TRADES) + (c / 280 > 0
                    ? String.valueOf(c / 280) : "") + "." + pick(TLDS));
            companyPostcodes.add(postcode());
            companyNets.add(network());
        }
        for (int a = 0; a < 40; a++) {
            userAgents.add(String.format(Locale.ROOT, "%016x", random.nextLong()));
        }
        List<Raw> records = new ArrayList<>();
        Instant start = Instant.parse("2026-09-01T08:00:00Z");
        for (int p = 0; p < persons; p++) {
            Person person = new Person("p" + p, skewed(FIRST), surname(), skewedIndex(companies), postcode(),
                    network(), skewed(userAgents.toArray(String[]::new)),
                    start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60))));
            emit(person, records);
            if (random.nextDouble() < 0.05) {
                Person relative = new Person("p" + p + "r", otherThan(person.first()), person.last(),
                        skewedIndex(companies), person.homePostcode(), person.homeNet(),
                        skewed(userAgents.toArray(String[]::new)), person.firstSeen().plus(Duration.ofDays(2)));
                emit(relative, records);
            }
        }
        return records;
    }

    private void emit(Person person, List<Raw> records) {
        double draw = random.nextDouble();
        int copies = draw < 0.4 ? 1 : draw < 0.7 ? 2 : draw < 0.9 ? 3 : 4;
        Instant at = person.firstSeen();
        for (int c = 0; c < copies; c++) {
            at = random.nextBoolean() ? at.plus(Duration.ofMinutes(random.nextInt(20)))
                    : at.plus(Duration.ofDays(1 + random.nextInt(40)));
            records.add(record(person, at));
        }
    }

    private Raw record(Person person, Instant at) {
        int index = uses.merge(person.id(), 1, Integer::sum);
        String first = person.first();
        if (NICKNAMES.containsKey(first) && random.nextDouble() < 0.1) {
            first = NICKNAMES.get(first);
        }
        first = maybe(noise.firstMissing(), spoilName(first));
        String last = maybe(noise.lastMissing(), spoilName(person.last()));
        if (random.nextDouble() < 0.05) {
            String swap = first;
            first = last;
            last = swap;
        }
        boolean atWork = random.nextDouble() < noise.atWork();
        String postcode = maybe(0.1, atWork ? companyPostcodes.get(person.company()) : person.homePostcode());
        if (postcode != null && random.nextDouble() < 0.05) {
            postcode = postcode.substring(0, postcode.length() - 1) + LETTERS.charAt(random.nextInt(26));
        }
        if (postcode != null && random.nextBoolean()) {
            postcode = postcode.replace(" ", "").toLowerCase(Locale.ROOT);
        }
        String ip = null;
        String agent = null;
        if (random.nextDouble() < noise.ipPresent()) {
            String net = random.nextDouble() < 0.15 ? network() : atWork ? companyNets.get(person.company())
                    : person.homeNet();
            ip = net + "." + (1 + random.nextInt(254));
            agent = random.nextDouble() < 0.85 ? person.userAgent() : pick(userAgents.toArray(String[]::new));
        }
        return new Raw(person.id() + "-" + index, person.id(), first, last, contact(person), postcode, ip, agent,
                at);
    }

    private String contact(Person person) {
        String domain = companyDomains.get(person.company());
        double draw = random.nextDouble();
        String local = (person.first() + "." + person.last()).toLowerCase(Locale.ROOT).replace(" ", "");
        if (draw < noise.noContact()) {
            return null;
        }
        if (draw < noise.noContact() + noise.freeMail()) {
            return local + random.nextInt(100) + "@" + pick(FREE_MAIL);
        }
        if (draw < 0.7) {
            return (random.nextBoolean() ? local.toUpperCase(Locale.ROOT) : local) + "@" + domain;
        }
        if (draw < 0.9) {
            return "https://www." + domain + "/contact?ref=form";
        }
        return " " + domain.toUpperCase(Locale.ROOT) + " ";
    }

    /** A typo with probability 0.2, and any case form. */
    private String spoilName(String name) {
        String spoilt = random.nextDouble() < 0.2 ? typo(name) : name;
        return switch (random.nextInt(3)) {
            case 0 -> spoilt.toUpperCase(Locale.ROOT);
            case 1 -> spoilt.toLowerCase(Locale.ROOT);
            default -> " " + spoilt + " ";
        };
    }

    private String typo(String s) {
        if (s.length() < 3) {
            return s;
        }
        int at = 1 + random.nextInt(s.length() - 1);
        char letter = LETTERS.charAt(random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, at) + letter + s.substring(at);
            case 1 -> s.substring(0, at) + s.substring(at + 1);
            case 2 -> s.substring(0, at) + letter + s.substring(at + 1);
            default -> at + 1 < s.length()
                    ? s.substring(0, at) + s.charAt(at + 1) + s.charAt(at) + s.substring(at + 2)
                    : s.substring(0, at - 1) + s.charAt(at) + s.charAt(at - 1);
        };
    }

    private String surname() {
        String base = skewed(LAST);
        return random.nextDouble() < 0.15 ? base : base + pick(SURNAME_ENDINGS);
    }

    private String postcode() {
        return pick(DISTRICTS) + " " + random.nextInt(10) + Character.toUpperCase(LETTERS.charAt(random.nextInt(26)))
                + Character.toUpperCase(LETTERS.charAt(random.nextInt(26)));
    }

    private String network() {
        return (11 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    private String otherThan(String first) {
        String other = skewed(FIRST);
        return other.equals(first) ? otherThan(first) : other;
    }

    private String maybe(double missing, String value) {
        return random.nextDouble() < missing ? null : value;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Rank r drawn with weight 1/√(r+1): a few common values and a long tail. */
    private String skewed(String[] values) {
        return values[skewedIndex(values.length)];
    }

    private int skewedIndex(int size) {
        double total = 0;
        for (int r = 0; r < size; r++) {
            total += 1 / Math.sqrt(r + 1);
        }
        double draw = random.nextDouble() * total;
        for (int r = 0; r < size; r++) {
            draw -= 1 / Math.sqrt(r + 1);
            if (draw < 0) {
                return r;
            }
        }
        return size - 1;
    }
}
