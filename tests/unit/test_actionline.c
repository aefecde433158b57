/*
 * test_actionline.c — the "KP to …" parser: initials, names, several owners,
 * and the lines of the sample minutes (C3P, share/sample) that only look
 * like actions.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "plandesk/meetings/actionline.h"

static struct pd_actionline al;

static bool parse(const char *s)
{
	return pd_actionline_parse(s, strlen(s), &al);
}

/* Owner number i of the last parse, as a string. */
static const char *owner(const char *s, int i)
{
	static char buf[128];

	cr_assert_lt(i, al.nowners);
	snprintf(buf, sizeof buf, "%.*s", (int)al.owners[i].len, s + al.owners[i].off);
	return buf;
}

static const char *slice(const char *s, size_t off, size_t len)
{
	static char buf[256];

	snprintf(buf, sizeof buf, "%.*s", (int)len, s + off);
	return buf;
}

/* s is an action (no doubt) with exactly the owners given. */
static void expect_action(const char *s, int n, const char *const *owners)
{
	cr_assert(parse(s), "not shaped: \"%s\"", s);
	cr_assert(al.is_action, "doubtful: \"%s\"", s);
	cr_assert_eq(al.nowners, n, "\"%s\": %d owners, wanted %d", s, al.nowners, n);
	for (int i = 0; i < n; i++)
		cr_assert_str_eq(owner(s, i), owners[i], "\"%s\" owner %d", s, i);
}

static void expect_note(const char *s)
{
	cr_assert_not(parse(s), "\"%s\" parsed as an action", s);
	cr_assert_not(al.is_action);
	cr_assert_eq(al.nowners, 0);
}

/* Shaped like an action but needing the directory to confirm it. */
static void expect_doubtful(const char *s)
{
	cr_assert(parse(s), "not shaped: \"%s\"", s);
	cr_assert_not(al.is_action, "\"%s\" is an action without asking", s);
	int doubtful = 0;
	for (int i = 0; i < al.nowners; i++)
		doubtful += al.owners[i].shape == PD_OWNER_DOUBTFUL;
	cr_assert_gt(doubtful, 0);
}

Test(actionline, initials_from_the_sample_minutes)
{
	const char *s = "KP to adjust and e-mail organisation";

	expect_action(s, 1, (const char *[]){ "KP" });
	cr_assert_eq(al.owners[0].shape, PD_OWNER_INITIALS);
	cr_assert_str_eq(slice(s, al.text_off, al.text_len), s);
	cr_assert_str_eq(slice(s, al.owner_off, al.owner_len), "KP");
	cr_assert_str_eq(s + al.verb_off, "adjust and e-mail organisation");
	expect_action("DD to speak to PCSOs for a contact telephone number for the "
		      "British Transport Police.", 1, (const char *[]){ "DD" });
	expect_action("KP to type up a crib sheet for next meeting.", 1,
		      (const char *[]){ "KP" });
}

Test(actionline, initials_shapes)
{
	expect_action("K.P. to ring the school", 1, (const char *[]){ "K.P." });
	expect_action("K.P to ring the school", 1, (const char *[]){ "K.P" });
	expect_action("JFK to chair", 1, (const char *[]){ "JFK" });
	expect_action("ABCD to chair", 1, (const char *[]){ "ABCD" });
	expect_action("ÉL to translate the leaflet", 1, (const char *[]){ "ÉL" });
	/* Initials are owners even when nobody has them: never doubtful. */
	expect_action("ZZ to be the contact", 1, (const char *[]){ "ZZ" });
	cr_assert_eq(al.owners[0].shape, PD_OWNER_INITIALS);
	/* "to" in any case. */
	expect_action("KP To adjust the list", 1, (const char *[]){ "KP" });
}

Test(actionline, several_owners)
{
	const char *s = "KP/DD to invite the Young Women's Project";

	expect_action(s, 2, (const char *[]){ "KP", "DD" });
	cr_assert_str_eq(slice(s, al.owner_off, al.owner_len), "KP/DD");
	expect_action("KP / DD to meet", 2, (const char *[]){ "KP", "DD" });
	expect_action("KP, DD and SD to meet", 3, (const char *[]){ "KP", "DD", "SD" });
	expect_action("KP & DD to meet", 2, (const char *[]){ "KP", "DD" });
	expect_action("KP+DD to meet", 2, (const char *[]){ "KP", "DD" });
	expect_action("KP DD to meet", 2, (const char *[]){ "KP", "DD" });
	s = "Sheelagh Davis and KP to contact the Police";
	expect_action(s, 2, (const char *[]){ "Sheelagh Davis", "KP" });
	cr_assert_str_eq(slice(s, al.owner_off, al.owner_len), "Sheelagh Davis and KP");
	cr_assert_eq(al.owners[0].shape, PD_OWNER_NAME);
	cr_assert_eq(al.owners[1].shape, PD_OWNER_INITIALS);
}

Test(actionline, names)
{
	expect_action("Sheelagh Davis to contact the Police prostitution Unit and "
		      "invite them to the next meeting.", 1,
		      (const char *[]){ "Sheelagh Davis" });
	expect_action("K. Corcoran to organise additional resources", 1,
		      (const char *[]){ "K. Corcoran" });
	expect_action("Schools to look at their own attendance data.", 1,
		      (const char *[]){ "Schools" });
	expect_action("Mary O'Brien to write", 1, (const char *[]){ "Mary O'Brien" });
	expect_action("Mary O’Brien to write", 1, (const char *[]){ "Mary O’Brien" });
	expect_action("Jean Smith-Jones to write", 1, (const char *[]){ "Jean Smith-Jones" });
	expect_action("Zoë Łukasz to write", 1, (const char *[]){ "Zoë Łukasz" });
	expect_action("PC Smith to visit", 1, (const char *[]){ "PC Smith" });
	expect_action("NSPCC to send leaflets", 1, (const char *[]){ "NSPCC" });
	expect_action("Iftihar to speak to the Imam", 1, (const char *[]){ "Iftihar" });
	expect_action("Young Women's Project to speak to the group", 1,
		      (const char *[]){ "Young Women's Project" });
}

Test(actionline, bullets_and_space)
{
	const char *s = "  · KP to investigate videos on YouTube  ";

	expect_action(s, 1, (const char *[]){ "KP" });
	cr_assert_str_eq(slice(s, al.text_off, al.text_len),
			 "KP to investigate videos on YouTube");
	expect_action("- KP to ring", 1, (const char *[]){ "KP" });
	expect_action("* KP to ring", 1, (const char *[]){ "KP" });
	expect_action("• KP to ring", 1, (const char *[]){ "KP" });
	expect_action("\tKP\tto ring\r\n", 1, (const char *[]){ "KP" });
}

Test(actionline, lines_that_only_look_like_actions)
{
	/* Sentence-starters: doubtful, an action only if in the directory. */
	expect_doubtful("Agreed to meet again");
	expect_doubtful("Need to think about involving the secondary schools");
	expect_doubtful("Decided to postpone the event");
	expect_doubtful("Plan to hold a summer event");
	expect_doubtful("Difficult to get hold of parents");
	expect_doubtful("Nothing to report");
	/* Name followed by "to be": the thing, not its owner. */
	expect_doubtful("Template to be sent and completed by each organisation");
	expect_doubtful("Leaflets to be circulated");
	/* No shape at all. */
	expect_note("It was agreed to meet again");
	expect_note("Discussions have taken place with Jane Fallows and it will be "
		    "possible to have a link");
	expect_note("Website not completed, making good progress. Agreed to link "
		    "to the Cluster website.");
	expect_note("KP has drafted a copy of the contact list.");
	expect_note("Homestart have agreed to help out at the Level one session.");
	expect_note("Some amendments are to be made to the list including:");
	expect_note("Link Cluster website to Police and Fire service websites.");
	expect_note("Iftihar sent his apologies but he has spoken to the Imam");
	expect_note("Kate Stevenson informed the group that a Respect Week is to be held");
	expect_note("PSCOs have sent their apologies therefore no update is available.");
	expect_note("The Young Women's Project to speak");
}

Test(actionline, not_owners)
{
	expect_note("");
	expect_note("   ");
	expect_note("to do");
	expect_note("KP to");          /* no verb phrase */
	expect_note("KP to   ");
	expect_note("KP to ...");
	expect_note("kp to adjust");   /* initials are capitals */
	expect_note("K to adjust");    /* one capital is not initials */
	expect_note("K. to adjust");   /* a lone initial is not a name */
	expect_note("KP/ to adjust");  /* a separator needs an owner after it */
	expect_note("KP and to adjust");
	expect_note("KPtoadjust");
	expect_note("KP: to adjust");
	expect_note("KP tomorrow");
	expect_note("A discussion was held around the safety of young women");
	expect_note("\xff\xfe to adjust");
	cr_assert_not(pd_actionline_parse(NULL, 0, &al));
}

Test(actionline, note_text_trimmed)
{
	const char *s = "  · Homestart have agreed to help  ";

	expect_note(s);
	cr_assert_str_eq(slice(s, al.text_off, al.text_len), "Homestart have agreed to help");
}

Test(actionline, too_many_owners)
{
	expect_action("AA/BB/CC/DD/EE/FF/GG/HH to meet", 8,
		      (const char *[]){ "AA", "BB", "CC", "DD", "EE", "FF", "GG", "HH" });
	expect_note("AA/BB/CC/DD/EE/FF/GG/HH/II to meet");
}

Test(actionline, stopwords)
{
	cr_assert(pd_actionline_stopword("Agreed", 6));
	cr_assert(pd_actionline_stopword("WEBSITE", 7));
	cr_assert(pd_actionline_stopword("Need", 4));
	cr_assert_not(pd_actionline_stopword("Schools", 7));
	cr_assert_not(pd_actionline_stopword("Agree", 5));
	cr_assert_not(pd_actionline_stopword("Agreedx", 7));
}

/* "!c" then white space: the line is to be kept confidential. */
static size_t conf(const char *s)
{
	return pd_actionline_confidential(s, strlen(s));
}

Test(actionline, the_confidential_mark)
{
	cr_assert_eq(conf("!c Met the family"), 3);
	cr_assert_eq(conf("  !C\tKP to call"), 5);
	cr_assert_eq(conf("!c"), 2, "the mark alone: nothing after it");
	cr_assert_eq(conf("!c \xc2\xa0 x"), 6, "a no-break space is white space");
	cr_assert_eq(conf("!cat flap"), 0);
	cr_assert_eq(conf("! c note"), 0);
	cr_assert_eq(conf("Note !c"), 0, "only at the start");
	cr_assert_eq(conf(""), 0);
	cr_assert_eq(pd_actionline_confidential(NULL, 0), 0);
	cr_assert_eq(pd_actionline_confidential("!c x", 1), 0, "n is the length");
}
