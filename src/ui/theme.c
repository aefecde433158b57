/*
 * theme.c — the colour table, by meaning, and its monochrome fallback.
 */
#include "theme.h"

struct theme_entry {
	short  fg, bg;     /* -1: the terminal's default */
	attr_t color_attr; /* added to the pair */
	attr_t mono;       /* used alone without colour */
};

static const struct theme_entry table[UI_R_NROLES] = {
	[UI_R_NORMAL]   = { -1, -1, A_NORMAL, A_NORMAL },
	[UI_R_TITLE]    = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[UI_R_TAB]      = { COLOR_BLUE, COLOR_WHITE, A_BOLD, A_BOLD },
	[UI_R_STATUS]   = { -1, -1, A_NORMAL, A_NORMAL },
	[UI_R_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[UI_R_DIM]      = { -1, -1, A_DIM, A_DIM },
	[UI_R_ERROR]    = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[UI_R_HEADER]   = { -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	[UI_R_KEY]      = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[UI_R_DONE]     = { COLOR_GREEN, -1, A_BOLD, A_NORMAL },
	[UI_R_ONTRACK]  = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[UI_R_SLIPPED]  = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[UI_R_FAILED]   = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[UI_R_OVERDUE]  = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[UI_R_HEADING]  = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[UI_R_NOTICE]   = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_BOLD | A_REVERSE | A_UNDERLINE },
};

void ui_theme_init(struct ui_theme *t, bool want_color, bool ascii)
{
	bool color = want_color && has_colors() && COLORS >= 8 && COLOR_PAIRS > UI_R_NROLES;

	t->ascii = ascii;
	t->color = color;
	if (color && use_default_colors() == ERR)
		color = false;
	t->color = color;
	for (int r = 0; r < UI_R_NROLES; r++) {
		const struct theme_entry *e = &table[r];

		if (!color) {
			t->attr[r] = e->mono;
			continue;
		}
		if (e->fg == -1 && e->bg == -1) {
			t->attr[r] = e->color_attr;
			continue;
		}
		init_pair((short)r, e->fg, e->bg);
		t->attr[r] = COLOR_PAIR(r) | e->color_attr;
	}
}

enum ui_role ui_status_role(enum pd_status_kind k)
{
	switch (k) {
	case PD_ST_DONE:    return UI_R_DONE;
	case PD_ST_OK:      return UI_R_ONTRACK;
	case PD_ST_SLIPPED: return UI_R_SLIPPED;
	case PD_ST_FAILED:  return UI_R_FAILED;
	default:            return UI_R_DIM;
	}
}

const char *ui_status_mark(const struct ui_theme *t, enum pd_status_kind k)
{
	static const char *const utf8[] = { "✓", "~", "!", "✗", "·" };
	static const char *const ascii[] = { "+", "~", "!", "x", "." };

	if ((unsigned)k > PD_ST_NONE)
		k = PD_ST_NONE;
	return t->ascii ? ascii[k] : utf8[k];
}
