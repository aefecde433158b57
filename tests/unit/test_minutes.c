/*
 * test_minutes.c — the minutes of a meeting shaped like the sample's C3P
 * (share/sample), compared with golden files in tests/data/minutes/
 * (Markdown, text, HTML), and the HTML checked to be well-formed.  To
 * rewrite the golden files after an intended change:
 * PLANDESK_UPDATE_GOLDEN=1 ./tests/unit/test_minutes
 */
#include "testdb.h"

#include "plandesk/meetings/meeting.h"
#include "plandesk/documents/minutes.h"

static uint64_t plan, m1, m2;

static uint64_t item(const char *ref, const char *title, const char *lead)
{
	struct pd_record r = make_item(plan, ref, title);

	pd_set_text(&r, PD_ITEM_LEAD, lead, (size_t)-1);
	pd_set_int(&r, PD_ITEM_POSITION, atoi(ref));
	return tdb_add(r);
}

static void agreed(uint64_t it, const char *text)
{
	struct pd_record a;

	pd_record_init(&a, PD_ACTION);
	pd_set_ref(&a, PD_ACTION_ITEM, it);
	pd_set_text(&a, PD_ACTION_TEXT, text, (size_t)-1);
	tdb_add(a);
}

static struct pd_recorded rec(uint64_t m, uint64_t it, const char *line)
{
	struct pd_recorded out;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_meeting_record(tdb.st, m, it, line, &out, &err), PD_OK,
		     "\"%s\": %s", line, err.msg);
	return out;
}

static uint64_t meeting(const char *date, const char *place)
{
	struct pd_meeting_spec s = { .plan = plan, .date = date, .location = place };
	uint64_t id;

	cr_assert_eq(pd_meeting_start(tdb.st, &s, &id, NULL, NULL), PD_OK);
	return id;
}

/* The meetings of 15th May and 26th June 2009, after the sample's C3P. */
static void fixture(void)
{
	uint64_t org, police, kp, dd, kc, p1, p2, p3, p5;
	struct pd_recorded look, course;
	struct pd_record r;

	tdb_setup();
	org = tdb_add(make_org("Meir Park Children's Centre"));
	police = tdb_add(make_org("Staffordshire Police"));
	kp = tdb_add(make_person("Kath Pike", "KP", "kp@example.org", org));
	dd = tdb_add(make_person("Dave Dean", "DD", "dd@example.org", police));
	r = make_person("Kath Corcoran", NULL, "kc@example.org", 0);
	pd_set_text(&r, PD_PERSON_ROLE, "Child protection officer", (size_t)-1);
	kc = tdb_add(r);
	r = make_plan("C3P", "Cluster 3 partnership plan");
	plan = tdb_add(r);
	p1 = item("1", "All teaching and support staff in schools complete the "
		  "level 1 child protection training", "Cluster support officer");
	p2 = item("2", "A directory of who's who & what they do within the Cluster", NULL);
	p3 = item("3", "Increase awareness of Health and Safety issues in young people", NULL);
	p5 = item("5", "To support young women at risk of sexual exploitation", NULL);
	agreed(p1, "Set up twice yearly CP level 1 training in cluster");
	agreed(p1, "Explore appropriateness of on-line testing");
	agreed(p2, "Develop a Cluster directory of Who's Who's of practitioners");
	agreed(p2, "Update directory regularly");

	m1 = meeting("2009-05-15", "Meir Park Children's Centre");
	pd_meeting_attend(tdb.st, m1, kp, PD_ATTEND_PRESENT, NULL);
	rec(m1, p1, "Plan for November to help support all new members of staff.");
	course = rec(m1, p1, "KP to look at the new course and take a view on this.");
	look = rec(m1, p3, "DD to find a contact at the Fire Service for the crash course");
	rec(m1, p3, "Police - ASB - what is/isn't ASB");
	rec(m1, p3, "2. Nurse - drug awareness");
	pd_meeting_end(tdb.st, m1, "26/06/2009", NULL, NULL);

	m2 = meeting("26th June 2009", "Meir Park Children's Centre, Weston Road");
	pd_meeting_attend(tdb.st, m2, kp, PD_ATTEND_PRESENT, NULL);
	pd_meeting_attend(tdb.st, m2, kc, PD_ATTEND_PRESENT, NULL);
	pd_meeting_attend(tdb.st, m2, dd, PD_ATTEND_APOLOGIES, NULL);
	pd_meeting_attend_other(tdb.st, m2, "Jane Fallows", PD_ATTEND_PRESENT, NULL);
	pd_meeting_attend_other(tdb.st, m2, "Iftihar", PD_ATTEND_APOLOGIES, NULL);
	pd_meeting_attend_other(tdb.st, m2, "PCSOs", PD_ATTEND_APOLOGIES, NULL);
	rec(m2, p1, "K. Corcoran is organising additional resources to train staff in October.");
	rec(m2, p1, "Homestart have agreed to help out at the Level one session.");
	pd_meeting_tick(tdb.st, m2, course.id, NULL, NULL);
	pd_meeting_set_status(tdb.st, m2, p1, "2", NULL);
	rec(m2, p2, "KP has drafted a copy of the contact list.");
	rec(m2, p2, "Some amendments are to be made: <agency name> & \"website\"");
	rec(m2, p2, "KP to adjust and e-mail organisation");
	pd_meeting_set_status(tdb.st, m2, p3, "3", NULL);
	rec(m2, p3, "KP to investigate videos on YouTube and to speak to the IT department.");
	rec(m2, p5, "Sheelagh Davis to contact the Police prostitution Unit and invite "
		"them to the next meeting.");
	rec(m2, p5, "KP/DD to invite the Young Women's Project to speak to the group.");
	rec(m2, p5, "Schools to look at their own attendance data.");
	pd_meeting_end(tdb.st, m2, "18th September 2009", NULL, NULL);
	(void)look;
}

TestSuite(minutes, .init = fixture, .fini = tdb_teardown);

static char *render(uint64_t m, enum pd_format fmt)
{
	struct pd_buf b = PD_BUF_INIT;
	struct pd_txn *txn;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_minutes(txn, m, fmt, NULL, &b, &err), PD_OK, "%s", err.msg);
	pd_txn_end(txn);
	return b.p;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			cap = (cap + 4096) * 2;
			cr_assert_not_null(p = realloc(p, cap));
		}
		got = fread(p + n, 1, 4096, f);
		n += got;
	} while (got);
	fclose(f);
	p[n] = '\0';
	return p;
}

static void golden(const char *doc, const char *name)
{
	const char *dir = getenv("TESTS_DATA");
	char path[512];
	char *want;

	snprintf(path, sizeof path, "%s/minutes/%s", dir ? dir : "tests/data", name);
	if (getenv("PLANDESK_UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "wb");
		cr_assert_not_null(f, "cannot write %s", path);
		fputs(doc, f);
		fclose(f);
	}
	want = slurp(path);
	cr_assert_not_null(want, "no golden file %s", path);
	if (strcmp(doc, want) != 0) {
		const char *a = doc, *b = want;
		int line = 1;
		while (*a && *a == *b) {
			line += *a == '\n';
			a++;
			b++;
		}
		cr_assert_fail("%s differs at line %d:\n got: %.80s\nwant: %.80s", name,
			       line, a, b);
	}
	free(want);
}

Test(minutes, markdown)
{
	char *doc = render(m2, PD_FMT_MD);

	golden(doc, "c3p-2009-06-26.md");
	/* The shape partnerships send, whatever the golden file says. */
	cr_assert(strstr(doc, "**Date:** 26th June 2009"));
	cr_assert(strstr(doc, "**Actions required:**"));
	cr_assert(strstr(doc, "**Progress: 26th June 2009**"));
	cr_assert(strstr(doc, "**To do by next meeting:**"));
	cr_assert(strstr(doc, "- KP to adjust and e-mail organisation"));
	cr_assert(strstr(doc, "**Apologies:** Dave Dean (DD), Staffordshire Police; Iftihar; PCSOs"));
	/* Ticked done at the meeting: shown done, with the date. */
	cr_assert(strstr(doc, "- \xe2\x9c\x93 KP to look at the new course and take a view on "
			 "this. \xe2\x80\x94 done 26th June 2009\n"), "%s", doc);
	cr_assert(strstr(doc, "**Status:** 2 \xe2\x80\x93 On track"));
	cr_assert(strstr(doc, "**Next meeting:** 18th September 2009"));
	free(doc);
}

Test(minutes, text)
{
	char *doc = render(m2, PD_FMT_TXT), *line;
	size_t width = 0;

	golden(doc, "c3p-2009-06-26.txt");
	/* Wrapped at 72 columns (every line here is ASCII but the dashes). */
	for (line = doc; *line; ) {
		size_t n = strcspn(line, "\n"), cols = 0;
		for (size_t i = 0; i < n; i++)
			cols += ((unsigned char)line[i] & 0xc0) != 0x80;
		width = cols > width ? cols : width;
		line += n + (line[n] == '\n');
	}
	cr_assert_leq(width, 72);
	free(doc);
}

/*
 * Well-formed XML, checked by hand: tags nest and match, attributes are
 * quoted, '&' starts one of the five entities or a character reference,
 * one root element.  (No XML library is among the project's packages.)
 * Returns NULL, or what is wrong.
 */
static const char *wellformed(const char *s)
{
	static char why[128];
	const char *stack[64];
	size_t stackn[64];
	int depth = 0, roots = 0;

	while (*s) {
		if (*s == '&') {
			static const char *const ents[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" };
			bool ok = false;
			for (int i = 0; i < 5; i++)
				ok |= strncmp(s, ents[i], strlen(ents[i])) == 0;
			if (s[1] == '#') {
				const char *p = s + 2;
				while (*p >= '0' && *p <= '9')
					p++;
				ok = p > s + 2 && *p == ';';
			}
			if (!ok)
				return snprintf(why, sizeof why, "bad entity at: %.20s", s), why;
			s++;
			continue;
		}
		if (*s != '<') {
			s++;
			continue;
		}
		if (strncmp(s, "<!DOCTYPE", 9) == 0) {
			if (depth || !(s = strchr(s, '>')))
				return "misplaced DOCTYPE";
			s++;
			continue;
		}
		bool closing = s[1] == '/';
		const char *name = s + 1 + closing;
		size_t n = strcspn(name, " \t\n/>");
		const char *p = name + n;
		if (n == 0)
			return snprintf(why, sizeof why, "empty tag at: %.20s", s), why;
		/* Attributes: name="value" (no '<' in the value). */
		for (;;) {
			while (*p == ' ' || *p == '\n' || *p == '\t')
				p++;
			if (*p == '>' || (*p == '/' && p[1] == '>'))
				break;
			size_t an = strcspn(p, "=> \t\n");
			if (closing || an == 0 || p[an] != '=' || p[an + 1] != '"')
				return snprintf(why, sizeof why, "bad attribute at: %.30s", p), why;
			p += an + 2;
			while (*p && *p != '"' && *p != '<')
				p++;
			if (*p != '"')
				return "unterminated attribute";
			p++;
		}
		if (closing) {
			if (depth == 0 || stackn[depth - 1] != n ||
			    strncmp(stack[depth - 1], name, n) != 0)
				return snprintf(why, sizeof why, "</%.*s> does not close the open tag",
						(int)n, name), why;
			depth--;
		} else if (*p == '>') {
			if (depth == 0)
				roots++;
			if (depth == 64)
				return "nested too deep";
			stack[depth] = name;
			stackn[depth++] = n;
		}
		s = p + (*p == '/' ? 2 : 1);
	}
	if (depth)
		return snprintf(why, sizeof why, "<%.*s> is never closed",
				(int)stackn[depth - 1], stack[depth - 1]), why;
	return roots == 1 ? NULL : "not one root element";
}

Test(minutes, checker_catches_bad_html)
{
	/* The checker must fail on what it is there to catch. */
	cr_assert_null(wellformed("<!DOCTYPE html>\n<html><p class=\"x\">a &amp; b<br /></p></html>"));
	cr_assert_not_null(wellformed("<html><p>a</html>"));
	cr_assert_not_null(wellformed("<html><p>a</b></p></html>"));
	cr_assert_not_null(wellformed("<html><p>a & b</p></html>"));
	cr_assert_not_null(wellformed("<html><meta charset=utf-8></html>"));
	cr_assert_not_null(wellformed("<html><br></html>"));
	cr_assert_not_null(wellformed("<html></html><html></html>"));
	cr_assert_not_null(wellformed("<html>&nbsp;</html>"));
}

Test(minutes, html)
{
	char *doc = render(m2, PD_FMT_HTML);

	const char *why;

	golden(doc, "c3p-2009-06-26.html");
	why = wellformed(doc);
	cr_assert_null(why, "not well-formed: %s", why);
	cr_assert(strstr(doc, "<meta charset=\"utf-8\" />"));
	cr_assert(strstr(doc, "@page { size: A4;"));
	cr_assert(strstr(doc, "border=\"1\""));
	cr_assert(strstr(doc, "&lt;agency name&gt; &amp; &quot;website&quot;"),
		  "user text is escaped");
	cr_assert_null(strstr(doc, "<script"));
	cr_assert_null(strstr(doc, "src=\""), "nothing external");
	free(doc);
}

Test(minutes, first_meeting_and_formats)
{
	char *doc = render(m1, PD_FMT_MD);
	enum pd_format f;

	/* At the first meeting the KP to-do was still open: carried as of then. */
	cr_assert(strstr(doc, "- KP to look at the new course and take a view on this."));
	cr_assert_null(strstr(doc, "\xe2\x9c\x93"));
	cr_assert(strstr(doc, "**Next meeting:** 26th June 2009"));
	cr_assert(strstr(doc, "- Police - ASB - what is/isn't ASB\n"));
	cr_assert(strstr(doc, "- 2\\. Nurse - drug awareness\n"), "a list marker is escaped");
	free(doc);
	cr_assert_eq(pd_format_parse("HTML", &f), PD_OK);
	cr_assert_eq(f, PD_FMT_HTML);
	cr_assert_eq(pd_format_parse("txt", &f), PD_OK);
	cr_assert_eq(f, PD_FMT_TXT);
	cr_assert_eq(pd_format_parse("pdf", &f), PD_EINVAL);
}

Test(minutes, meetings_on_a_date)
{
	struct pd_txn *txn;
	struct pd_buf b = PD_BUF_INIT;
	uint64_t *ids;
	size_t n;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_meetings_on(txn, "2009-06-26", &ids, &n, NULL), PD_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(ids[0], m2);
	free(ids);
	cr_assert_eq(pd_meetings_on(txn, "2009-06-27", &ids, &n, NULL), PD_OK);
	cr_assert_eq(n, 0);
	cr_assert_null(ids);
	cr_assert_eq(pd_minutes(txn, 424242, PD_FMT_MD, NULL, &b, NULL), PD_NOTFOUND);
	pd_txn_end(txn);
	pd_buf_free(&b);
}
