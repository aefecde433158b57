/*
 * bench_gen_people.c — write N people as a canonical people CSV file on
 * standard output, the same N rows every time: UTF-8 names (accented ones
 * among them), shared organisations, about 1% quoted multi-line notes with
 * commas and quotes, the rest short or empty.  For tests/bench/bench_csv.sh.
 *
 *   bench_gen_people 1000000 > people.csv
 */
#include <stdio.h>
#include <stdlib.h>

static const char *const first[] = {
	"Karen", "Diane", "Kate", "Jane", "Sheelagh", "Tracy", "Zoë", "Alistair",
	"Gary", "Mark", "Ruth", "Łukasz", "Siobhán", "Søren", "João", "René",
	"Ana", "Iftihar", "Hélène", "Mohammed", "Aoife", "Dvořák", "Chloé", "Björn",
	"Priya", "Tomasz", "Niamh", "Oluwaseun", "Émilie", "Grace",
};
static const char *const first_ascii[] = {
	"karen", "diane", "kate", "jane", "sheelagh", "tracy", "zoe", "alistair",
	"gary", "mark", "ruth", "lukasz", "siobhan", "soren", "joao", "rene",
	"ana", "iftihar", "helene", "mohammed", "aoife", "dvorak", "chloe", "bjorn",
	"priya", "tomasz", "niamh", "oluwaseun", "emilie", "grace",
};
static const char *const last[] = {
	"Proctor", "Dawson", "Stevenson", "Fallows", "Davis", "Kirk", "Ashworth",
	"Simpson", "Holdcroft", "Boulton", "Goodwin", "Nowak", "O'Brien",
	"Søndergaard", "São Pedro", "Lefèvre", "Muñoz", "Khan", "Dubois", "Smith",
	"Jones", "Williams", "Brown", "Taylor", "Wilson", "Evans", "Thomas",
	"Roberts", "Walker", "Wright", "Müller", "Nguyễn",
};
static const char *const last_ascii[] = {
	"proctor", "dawson", "stevenson", "fallows", "davis", "kirk", "ashworth",
	"simpson", "holdcroft", "boulton", "goodwin", "nowak", "obrien",
	"sondergaard", "saopedro", "lefevre", "munoz", "khan", "dubois", "smith",
	"jones", "williams", "brown", "taylor", "wilson", "evans", "thomas",
	"roberts", "walker", "wright", "muller", "nguyen",
};
static const char *const roles[] = {
	"Cluster Support Officer", "School Nurse", "PCSO", "Family Support Worker",
	"Head Teacher", "Youth Worker", "Community Liaison", "Centre Manager",
	"Educational Psychologist", "Social Worker", "Health Visitor",
	"Attendance Officer", "Parent Support Adviser", "Project Worker",
};
static const char *const kinds[] = {
	"Primary School", "High School", "Children's Centre", "Health Centre",
	"Youth Club", "Community Trust", "Police Team", "Family Service",
};
static const char *const places[] = {
	"Longton", "Meir", "Fenton", "Hanley", "Burslem", "Tunstall", "Stoke",
	"Trentham", "Blurton", "Bentilee", "Weston Coyney", "Normacot",
};

#define N(a) (sizeof a / sizeof a[0])

static unsigned long long state = 88172645463325252ull;

static unsigned next(void)
{
	/* xorshift64: the same sequence everywhere */
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state >> 32);
}

int main(int argc, char **argv)
{
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000;

	if (argc != 2 || !n) {
		fprintf(stderr, "usage: bench_gen_people ROWS > people.csv\n");
		return 2;
	}
	fputs("name,initials,role,organisation,phone,mobile,email,notes,verified\n", stdout);
	for (unsigned long i = 1; i <= n; i++) {
		unsigned f = next() % N(first), l = next() % N(last);
		unsigned org = next() % 997, pick = next() % 100;
		const char *lname = last[l];

		/* name (quoted when it needs to be: never here), initials */
		printf("%s %s,%.*s%.*s,", first[f], lname,
		       first[f][0] & 0x80 ? 2 : 1, first[f],
		       lname[0] & 0x80 ? 2 : 1, lname);
		printf("%s,", roles[next() % N(roles)]);
		printf("%s %s %u,", places[org % N(places)], kinds[org % N(kinds)], org);
		printf("01632 %06lu,", 900000 + i % 100000);
		if (pick < 60)
			printf("07700 %06lu", 900000 + (i * 7) % 100000);
		printf(",%s.%s.%lu@example.org,", first_ascii[f], last_ascii[l], i);
		if (pick == 0)
			printf("\"Met at the %s meeting, %lu.\nAsks for \"\"the usual\"\" "
			       "paperwork;\nprefers e-mail.\"", places[i % N(places)], i);
		else if (pick < 20)
			printf("Prefers e-mail");
		printf(",");
		if (pick < 70)
			printf("20%02u-%02u-%02u", 20 + pick % 7, 1 + pick % 12, 1 + pick % 28);
		putchar('\n');
	}
	return ferror(stdout) ? 1 : 0;
}
