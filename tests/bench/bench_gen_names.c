/*
 * bench_gen_names.c — write N people as a canonical people CSV file on
 * standard output, in a different shape from bench_gen_people: names are
 * "First [Middle] Last" (a middle name for about a third), drawn from 120
 * first names and 80 surnames whose frequencies fall off as in a real
 * population (the commonest surname about 40 times the rarest), with
 * accents in both, and 4,000 organisations.  The same N rows every time.
 * For tests/bench/bench_scale.sh, so the index is not tuned to one
 * generator's names: here most rows of a surname query match a later word.
 *
 *   bench_gen_names 1000000 > people.csv
 */
#include <stdio.h>
#include <stdlib.h>
#include <assert.h>

static const char *const first[] = {
	"Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella",
	"Rosie", "Sophia", "Grace", "Willow", "Freya", "Florence", "Emily",
	"Ella", "Poppy", "Evie", "Elsie", "Charlotte", "Evelyn", "Sienna",
	"Sofia", "Daisy", "Phoebe", "Sophie", "Alice", "Harper", "Matilda",
	"Ruby", "Emilia", "Maya", "Millie", "Isabelle", "Eva", "Chloé",
	"Zoë", "Ana", "Aoife", "Siobhán", "Niamh", "Saoirse", "Hélène",
	"Émilie", "Agnieszka", "Małgorzata", "Zofia", "Priya", "Aisha",
	"Fatima", "Maryam", "Noor", "Ayesha", "Chioma", "Adaeze", "Oluwaseun",
	"Björk", "Åsa", "Ingrid", "Renée", "Noah", "Muhammad", "George",
	"Oliver", "Leo", "Arthur", "Oscar", "Theodore", "Freddie", "Theo",
	"Harry", "Archie", "Henry", "Alfie", "Finley", "Jack", "Charlie",
	"Thomas", "Lucas", "Tommy", "Isaac", "Edward", "Jacob", "William",
	"Albie", "Teddy", "Reuben", "James", "Joshua", "Max", "Jude", "Louis",
	"Hugo", "Ronnie", "Ezra", "Jaxon", "Elijah", "Mohammed", "Ibrahim",
	"Yusuf", "Omar", "Ali", "Kwame", "Chidi", "Emeka", "Tomasz", "Łukasz",
	"Paweł", "Jürgen", "Søren", "João", "René", "François", "Seán",
	"Ciarán", "Dónal", "Eoin", "Oisín", "Rhys", "Dafydd",
};
static const char *const first_ascii[] = {
	"olivia", "amelia", "isla", "ava", "mia", "ivy", "lily", "isabella",
	"rosie", "sophia", "grace", "willow", "freya", "florence", "emily",
	"ella", "poppy", "evie", "elsie", "charlotte", "evelyn", "sienna",
	"sofia", "daisy", "phoebe", "sophie", "alice", "harper", "matilda",
	"ruby", "emilia", "maya", "millie", "isabelle", "eva", "chloe",
	"zoe", "ana", "aoife", "siobhan", "niamh", "saoirse", "helene",
	"emilie", "agnieszka", "malgorzata", "zofia", "priya", "aisha",
	"fatima", "maryam", "noor", "ayesha", "chioma", "adaeze", "oluwaseun",
	"bjork", "asa", "ingrid", "renee", "noah", "muhammad", "george",
	"oliver", "leo", "arthur", "oscar", "theodore", "freddie", "theo",
	"harry", "archie", "henry", "alfie", "finley", "jack", "charlie",
	"thomas", "lucas", "tommy", "isaac", "edward", "jacob", "william",
	"albie", "teddy", "reuben", "james", "joshua", "max", "jude", "louis",
	"hugo", "ronnie", "ezra", "jaxon", "elijah", "mohammed", "ibrahim",
	"yusuf", "omar", "ali", "kwame", "chidi", "emeka", "tomasz", "lukasz",
	"pawel", "jurgen", "soren", "joao", "rene", "francois", "sean",
	"ciaran", "donal", "eoin", "oisin", "rhys", "dafydd",
};
static const char *const last[] = {
	"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans",
	"Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson",
	"Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
	"Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner",
	"Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee",
	"King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott",
	"Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young",
	"Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson",
	"Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox",
	"Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis",
	"Adams", "Singh", "Begum", "Wilkinson", "Foster", "Ó Súilleabháin",
	"Nowak", "Kowalczyk", "Lefèvre", "Müller", "Nguyễn", "Ní Bhriain",
};
static const char *const last_ascii[] = {
	"smith", "jones", "williams", "taylor", "brown", "davies", "evans",
	"wilson", "thomas", "johnson", "roberts", "robinson", "thompson",
	"wright", "walker", "white", "edwards", "hughes", "green", "hall",
	"lewis", "harris", "clarke", "patel", "jackson", "wood", "turner",
	"martin", "cooper", "hill", "ward", "morris", "moore", "clark", "lee",
	"king", "baker", "harrison", "morgan", "allen", "james", "scott",
	"phillips", "watson", "davis", "parker", "price", "bennett", "young",
	"griffiths", "mitchell", "kelly", "cook", "carter", "richardson",
	"bailey", "collins", "bell", "shaw", "murphy", "miller", "cox",
	"richards", "khan", "marshall", "anderson", "simpson", "ellis",
	"adams", "singh", "begum", "wilkinson", "foster", "osuilleabhain",
	"nowak", "kowalczyk", "lefevre", "muller", "nguyen", "nibhriain",
};
static const char *const roles[] = {
	"Designated Safeguarding Lead", "SENCo", "Early Help Practitioner",
	"Health Visitor", "School Nurse", "Neighbourhood Officer",
	"Family Worker", "Deputy Head", "Team Manager", "Youth Worker",
	"Speech and Language Therapist", "Education Welfare Officer",
	"Housing Officer", "Practice Manager", "Volunteer Coordinator",
};
static const char *const kinds[] = {
	"Academy", "Primary School", "Nursery", "Family Hub", "GP Surgery",
	"Housing Association", "Youth Service", "Community Centre",
	"Neighbourhood Policing Team", "Children's Services",
};
static const char *const towns[] = {
	"Ashby", "Brierley", "Castleford", "Dewsbury", "Ellesmere", "Frodsham",
	"Garstang", "Haworth", "Ilkley", "Keighley", "Lytham", "Malton",
	"Northwich", "Otley", "Pickering", "Ripon", "Selby", "Thirsk",
	"Ulverston", "Wetherby", "Yeadon",
};

#define N(a) (sizeof a / sizeof a[0])

static unsigned long long state = 0x9e3779b97f4a7c15ull;

static unsigned next(void)
{
	/* xorshift64: the same sequence everywhere */
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state >> 32);
}

/* A surname: index i is drawn with weight about 1 / (i + 2), so the
 * commonest is about forty times as frequent as the rarest. */
static unsigned surname(void)
{
	static_assert(N(last) == 80, "eighty surnames");
	double total = 0, pick;
	for (unsigned i = 0; i < N(last); i++)
		total += 1.0 / (i + 2);
	pick = (next() / 4294967296.0) * total;
	for (unsigned i = 0; i < N(last); i++) {
		pick -= 1.0 / (i + 2);
		if (pick < 0)
			return i;
	}
	return N(last) - 1;
}

/* The first character of s as UTF-8 (its length in bytes). */
static int lead(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

int main(int argc, char **argv)
{
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000;

	if (argc != 2 || !n) {
		fprintf(stderr, "usage: bench_gen_names ROWS > people.csv\n");
		return 2;
	}
	static_assert(N(first) == N(first_ascii) && N(last) == N(last_ascii),
		      "each name has its plain spelling");
	fputs("name,initials,role,organisation,phone,mobile,email,notes,verified\n", stdout);
	for (unsigned long i = 1; i <= n; i++) {
		unsigned f = next() % N(first), l = surname();
		unsigned has_middle = next() % 3 == 0, m = next() % N(first);
		unsigned org = next() % 4000, pick = next() % 100;

		printf("%s", first[f]);
		if (has_middle)
			printf(" %s", first[m]);
		printf(" %s,", last[l]);
		printf("%.*s", lead(first[f]), first[f]);
		if (has_middle)
			printf("%.*s", lead(first[m]), first[m]);
		printf("%.*s,", lead(last[l]), last[l]);
		printf("%s,", roles[next() % N(roles)]);
		printf("%s %s %u,", towns[org % N(towns)], kinds[org % N(kinds)], org);
		printf("0113 496 %04lu,", i % 10000);
		if (pick < 45)
			printf("07700 9%05lu", (i * 13) % 100000);
		printf(",%s.%s%lu@example.net,", first_ascii[f], last_ascii[l], i);
		if (pick < 3)
			printf("\"Covers %s, Tuesdays only; \"\"urgent\"\" by phone.\"",
			       towns[i % N(towns)]);
		printf(",");
		if (pick < 55)
			printf("20%02u-%02u-%02u", 21 + pick % 5, 1 + pick % 12, 1 + pick % 28);
		putchar('\n');
	}
	return ferror(stdout) ? 1 : 0;
}
