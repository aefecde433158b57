/*
 * bench_search_gen.c — `bench_search gen`: a large directory of made-up
 * people and organisations (a fixed-seed PRNG, Zipf-like names) written
 * through the core API, and optionally the same as CSV and an abook(1)
 * addressbook.  Usage and the other commands: bench_search.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <lmdb.h>

#include "plandesk/directory/search.h"
#include "plandesk/records/records.h"
#include "plandesk/directory/open.h"

#include "searchbench.h"

#define BATCH 20000

static const char *const first_names[] = {
	"Oliver", "Jack", "Harry", "Jacob", "Charlie", "Thomas", "George",
	"Oscar", "James", "William", "Amelia", "Olivia", "Isla", "Emily",
	"Poppy", "Ava", "Isabella", "Jessica", "Lily", "Sophie", "Sarah",
	"David", "John", "Michael", "Paul", "Andrew", "Mark", "Richard",
	"Susan", "Karen", "Helen", "Julie", "Claire", "Emma", "Rachel",
	"Zoë", "Łukasz", "Søren", "Siobhan", "Aoife", "Niamh", "Mohammed",
	"Fatima", "Aisha", "Priya", "Raj", "Anil", "Wei", "Mei", "Kwame",
	"Chidi", "Agnieszka", "Piotr", "Katarzyna", "José", "María", "Renée",
	"Dominika", "Bethan", "Rhys", "Gareth", "Sian", "Callum", "Kirsty",
};
static const char *const surnames[] = {
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
	"Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell",
	"Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell",
	"Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
	"Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins",
	"Smithson", "Smithers", "Goldsmith", "Smiley", "O'Brien", "Nowak",
	"Ångström", "Søndergaard", "Kowalski", "Nguyen", "Okafor", "Mensah",
};
static const char *const syl[] = {
	"ab", "ber", "cal", "dor", "en", "fen", "gil", "har", "ing", "jen",
	"kel", "lan", "mar", "nor", "ol", "pen", "quin", "ros", "sta", "ton",
	"ul", "ver", "wick", "yor", "zan", "ley", "ham", "by", "ford", "well",
	"ton", "field", "worth", "more", "dale", "wood", "brook", "croft",
};
static const char *const roles[] = {
	"Headteacher", "Deputy Head", "SENCo", "Designated Safeguarding Lead",
	"Family Support Worker", "School Nurse", "Health Visitor", "GP",
	"Police Community Support Officer", "Youth Worker", "Social Worker",
	"Team Manager", "Educational Psychologist", "Attendance Officer",
	"Parent Support Adviser", "Station Manager", "Housing Officer",
	"Children's Centre Manager", "Volunteer Coordinator", "Administrator",
	"Counsellor", "Speech and Language Therapist", "Early Help Coordinator",
};
static const char *const org_types[] = {
	"Primary School", "Academy", "High School", "Surgery", "Medical Centre",
	"Police Station", "Youth Club", "Family Centre", "Children's Centre",
	"Fire Station", "Library", "Community Trust", "Housing Association",
	"Nursery", "Leisure Centre", "Food Bank", "Mental Health Team",
};
#define N(a) (sizeof a / sizeof a[0])

uint64_t rng = 0x2545F4914F6CDD1Dull;

uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Zipf-like: index i of n with weight about 1/(i+1). */
static size_t zipf(size_t n)
{
	double u = (double)(rnd() >> 11) / 9007199254740992.0;
	double h = 0;

	for (size_t i = 0; i < n; i++)
		h += 1.0 / (double)(i + 1);
	u *= h;
	for (size_t i = 0; i < n; i++) {
		u -= 1.0 / (double)(i + 1);
		if (u <= 0)
			return i;
	}
	return n - 1;
}

/* A made-up place or surname from 2 or 3 syllables, capitalised. */
static void made_up(char *buf, size_t n)
{
	size_t k = 2 + rnd() % 2;

	buf[0] = '\0';
	for (size_t i = 0; i < k; i++)
		strncat(buf, syl[rnd() % N(syl)], n - strlen(buf) - 1);
	buf[0] = (char)(buf[0] - 32);
}

/* One surname in five is a common one (Smith: 4% of people), the rest
 * a long tail of made-up ones, as in a real directory. */
static void surname(char *buf, size_t n)
{
	if (rnd() % 5 == 0)
		snprintf(buf, n, "%s", surnames[zipf(N(surnames))]);
	else
		made_up(buf, n);
}

/* Half the first names are common ones (Oliver: 10%), half made up. */
static void first_name(char *buf, size_t n)
{
	if (rnd() % 2)
		snprintf(buf, n, "%s", first_names[zipf(N(first_names))]);
	else
		made_up(buf, n);
}

/* An e-mail local part: first initial (ASCII) and surname, lower case. */
static void local_part(char *buf, size_t n, const char *first, const char *last)
{
	size_t o = 0;

	buf[o++] = (char)((first[0] & 0x80) ? 'x' : first[0] | 0x20);
	buf[o++] = '.';
	for (; *last && o + 1 < n; last++)
		if ((*last >= 'A' && *last <= 'Z') || (*last >= 'a' && *last <= 'z'))
			buf[o++] = (char)(*last | 0x20);
	buf[o] = '\0';
}

/* --- generating ------------------------------------------------------------ */

struct row {
	char     name[112];
	char     phone[16];
	char     email[96];
	uint32_t role, org;
};

struct gen {
	struct row *rows;
	size_t      n, done, norgs;
	uint64_t   *orgs;
	char      (*orgnames)[128];
	char      (*domains)[96];
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* Make every e-mail address unique ("j.smith2@..."), as the store wants. */
static void unique_emails(struct gen *g)
{
	size_t cap = 1;
	uint32_t *slot;

	while (cap < g->n * 2)
		cap <<= 1;
	slot = calloc(cap, sizeof *slot);   /* row index + 1; 0 is empty */
	for (size_t i = 0; i < g->n; i++) {
		struct row *r = &g->rows[i];
		char base[96];
		size_t at = strcspn(r->email, "@");
		int k = 1;

		if (!r->email[0])
			continue;
		snprintf(base, sizeof base, "%s", r->email);
		for (;;) {
			size_t h = hash_str(r->email) & (cap - 1);
			bool dup = false;
			for (; slot[h]; h = (h + 1) & (cap - 1))
				if (!strcmp(g->rows[slot[h] - 1].email, r->email)) {
					dup = true;
					break;
				}
			if (!dup) {
				slot[h] = (uint32_t)i + 1;
				break;
			}
			snprintf(r->email, sizeof r->email, "%.*s%d%s", (int)at, base,
				 ++k, base + at);
		}
	}
	free(slot);
}

static void make_rows(struct gen *g)
{
	char last[64], local[80];

	for (size_t i = 0; i < g->norgs; i++) {
		char place[40];
		made_up(place, sizeof place);
		snprintf(g->orgnames[i], sizeof g->orgnames[i], "%s %s %zu", place,
			 org_types[rnd() % N(org_types)], i);
		for (char *p = place; *p; p++)
			*p = (char)(*p | 0x20);
		snprintf(g->domains[i], sizeof g->domains[i], "%s%zu.example.org",
			 place, i);
	}
	for (size_t i = 0; i < g->n; i++) {
		struct row *r = &g->rows[i];
		char first[40];

		first_name(first, sizeof first);
		surname(last, sizeof last);
		snprintf(r->name, sizeof r->name, "%s %s", first, last);
		r->role = (uint32_t)(rnd() % N(roles));
		r->org = (uint32_t)(rnd() % g->norgs);
		snprintf(r->phone, sizeof r->phone, "01632 %06u",
			 (unsigned)(rnd() % 1000000));
		if (rnd() % 10 < 7) {
			local_part(local, sizeof local, first, last);
			snprintf(r->email, sizeof r->email, "%s@%s", local,
				 g->domains[r->org]);
		}
	}
	unique_emails(g);
}

static int put_orgs(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct gen *g = ctx;
	int rc = PD_OK;

	for (size_t i = 0; i < g->norgs && rc == PD_OK; i++) {
		struct pd_record r;
		pd_record_init(&r, PD_ORG);
		pd_set_text(&r, PD_ORG_NAME, g->orgnames[i], (size_t)-1);
		pd_set_text(&r, PD_ORG_SERVICES, "referrals; drop-in; advice", (size_t)-1);
		rc = pd_put(txn, &r, err);
		g->orgs[i] = r.id;
		pd_record_clear(&r);
	}
	return rc;
}

static int put_people(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct gen *g = ctx;
	size_t end = g->done + BATCH < g->n ? g->done + BATCH : g->n;
	int rc = PD_OK;

	for (size_t i = g->done; i < end && rc == PD_OK; i++) {
		const struct row *row = &g->rows[i];
		struct pd_record r;
		pd_record_init(&r, PD_PERSON);
		pd_set_text(&r, PD_PERSON_NAME, row->name, (size_t)-1);
		pd_set_text(&r, PD_PERSON_ROLE, roles[row->role], (size_t)-1);
		pd_set_ref(&r, PD_PERSON_ORG, g->orgs[row->org]);
		pd_set_text(&r, PD_PERSON_PHONE, row->phone, (size_t)-1);
		pd_set_text(&r, PD_PERSON_EMAIL, row->email, (size_t)-1);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

static void csv_field(FILE *f, const char *s, bool last)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
	fputc(last ? '\n' : ',', f);
}

static void write_files(const struct gen *g, const char *csv, const char *abook)
{
	FILE *f;

	if (csv && (f = fopen(csv, "w"))) {
		fprintf(f, "name,role,organisation,phone,email\n");
		for (size_t i = 0; i < g->n; i++) {
			const struct row *r = &g->rows[i];
			csv_field(f, r->name, false);
			csv_field(f, roles[r->role], false);
			csv_field(f, g->orgnames[r->org], false);
			csv_field(f, r->phone, false);
			csv_field(f, r->email, true);
		}
		fclose(f);
	}
	if (abook && (f = fopen(abook, "w"))) {
		fprintf(f, "# abook addressbook file\n\n[format]\nprogram=abook\n"
			"version=0.6.1\n\n");
		for (size_t i = 0; i < g->n; i++) {
			const struct row *r = &g->rows[i];
			fprintf(f, "\n[%zu]\nname=%s\n", i, r->name);
			if (r->email[0])
				fprintf(f, "email=%s\n", r->email);
			fprintf(f, "phone=%s\nnotes=%s, %s\n", r->phone,
				roles[r->role], g->orgnames[r->org]);
		}
		fclose(f);
	}
}

int gen(const char *db, size_t n, const char *csv, const char *abook)
{
	struct gen g = { .n = n, .norgs = n / 200 ? n / 200 : 1 };
	struct pd_open_opts opts = { .map_size = (size_t)1 << 30 };
	struct pd_store *st;
	struct pd_err err;
	int rc;

	g.rows = calloc(n, sizeof *g.rows);
	g.orgs = calloc(g.norgs, sizeof *g.orgs);
	g.orgnames = calloc(g.norgs, sizeof *g.orgnames);
	g.domains = calloc(g.norgs, sizeof *g.domains);
	if (!g.rows || !g.orgs || !g.orgnames || !g.domains)
		return 1;
	make_rows(&g);
	write_files(&g, csv, abook);
	if ((rc = pd_store_open(db, &opts, &st, &err)) == PD_OK)
		rc = pd_store_write(st, "bench orgs", 0, put_orgs, &g, &err);
	for (; rc == PD_OK && g.done < n; g.done += BATCH) {
		rc = pd_store_write(st, "bench people", 0, put_people, &g, &err);
		fprintf(stderr, "\r%zu people", g.done + BATCH < n ? g.done + BATCH : n);
	}
	fprintf(stderr, "\n");
	if (rc != PD_OK)
		fprintf(stderr, "bench_search: %s\n", err.msg);
	pd_store_close(st);
	free(g.rows);
	free(g.orgs);
	free(g.orgnames);
	free(g.domains);
	return rc == PD_OK ? 0 : 1;
}
