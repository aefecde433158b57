/*
 * app.h — the client's state and main loop: the view stack, the status
 * line (messages and prompts), the theme, and polling the store for other
 * processes' writes.
 *
 * A view is a table of operations (struct view_ops, filled with designated
 * initialisers).  Key handlers return what changed (enum ui_res); only
 * app_draw draws: the title bar, the top view, the status line, and then
 * the hardware cursor on the selected row (screen readers follow it).
 */
#ifndef PLANDESK_UI_APP_H
#define PLANDESK_UI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/date.h"
#include "plandesk/records/records.h"
#include "keymap.h"
#include "lineedit.h"
#include "paste.h"
#include "theme.h"
#include "ui.h"

#define UI_MIN_COLS 40
#define UI_MIN_LINES 10
/* Rows a message too long for the status line may take (statusline.c). */
#define UI_MSG_ROWS_MAX 6
#define UI_STACK_MAX 16
#define UI_TICK_MS 500

enum ui_res {
	UI_UNHANDLED = -1, /* not this handler's key */
	UI_NOTHING = 0,    /* nothing changed */
	UI_REDRAW,         /* the screen needs drawing */
	UI_PUSH,           /* a view was handed to app_push: show it */
	UI_POP,            /* close the top view */
	UI_RELOAD,         /* data changed (this process wrote): reload views */
	UI_POP_RELOAD,     /* close the top view, then reload (a form saved) */
	UI_QUIT,           /* leave the client (asks while a meeting is open) */
	UI_QUIT_NOW        /* leave the client without asking (:q!) */
};


struct app;
struct ui_command;   /* command.h */
struct view;

struct view_ops {
	const char             *name;
	const struct ui_keymap *keys;    /* the view's own keys (help, key bar) */
	/* More sections for the help screen (NULL-terminated), or NULL. */
	const struct ui_keymap *const *more_keys;
	/* Optional: the keys in force now, when they change with the view's
	 * page (meeting mode); the key bar and hints follow it.  NULL: keys. */
	const struct ui_keymap *(*keys_now)(struct view *v);
	bool                    list;    /* uses the list keys (help shows them) */
	bool                    typing;  /* every printable key is text here: the
					    help leaves out printable global keys */
	/* Draw into rows [y, y+h) of the screen, w columns wide. */
	void (*draw)(struct view *v, struct app *a, int y, int h, int w);
	/* Handle a key; UI_UNHANDLED passes it to the global keys. */
	int  (*key)(struct view *v, struct app *a, int key);
	/* The terminal changed size (optional: draw sees the new size too). */
	void (*resize)(struct view *v, struct app *a, int h, int w);
	/* The title shown in the title bar. */
	void (*title)(struct view *v, struct app *a, char *buf, size_t n);
	/* The data changed (a write here or in another process). */
	void (*reload)(struct view *v, struct app *a);
	/* Optional: called for every view on the stack at each tick with no
	 * key (about every UI_TICK_MS) and after each key; for background
	 * work such as keeping a half-typed line.  Must not draw. */
	void (*tick)(struct view *v, struct app *a);
	/* Free the view. */
	void (*destroy)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	bool                   stale;   /* data changed while it was hidden */
	int                    top;     /* top-level view number 1-4, 0 if not */
	bool                   placeholder; /* shown only while the database is
					   empty (the welcome): app_reload puts
					   the Plans in its place when data
					   arrives */
};

enum ui_prompt_kind { UI_PR_NONE, UI_PR_LINE, UI_PR_CONFIRM, UI_PR_CHOICE, UI_PR_SECRET };

/*
 * A prompt on the status line.  `done` gets the text and how it ended:
 * UI_ENTER (accepted), UI_ESC (cancelled), or for CONFIRM/CHOICE the key
 * pressed ('y', or one of `choices`).  `change` (optional) sees every edit.
 */
struct ui_prompt {
	enum ui_prompt_kind kind;
	char                label[256];   /* the question */
	char                hints[160];   /* CHOICE: "e end  l leave" */
	char                choices[24];
	struct ui_lineedit  le;
	char               *secret;       /* SECRET: locked memory (pd_secret_alloc) */
	size_t              secret_n;     /* its bytes, and characters (shown as •) */
	size_t              secret_chars;
	void               *ctx;
	void (*change)(struct app *a, void *ctx, const char *text);
	int  (*done)(struct app *a, void *ctx, const char *text, int how);
};

/* The options of the `:` command running now whose file leaves the
 * database (cmdline.c): they go into its disclosure record entry. */
struct ui_cmdopts {
	bool confidential;   /* --confidential: include entries so marked */
	char reason[256];    /* --reason TEXT; "" when none */
};

struct app {
	struct pd_store *st;
	const char      *share_dir;
	struct view     *stack[UI_STACK_MAX];
	int              depth;
	struct view     *tops[4];        /* the top-level views, made when first shown */
	struct view     *meeting;        /* the open meeting's meeting mode, kept
					    while it is open, on the stack or not */
	struct view     *pending;        /* handed over by app_push */
	struct ui_theme  theme;
	struct ui_prompt prompt;
	char             msg[256];
	int              msg_role;
	uint64_t         changes;        /* the store's change counter as last seen */
	struct pd_date   today;
	int              lines, cols;
	int              cur_y, cur_x;   /* where the hardware cursor goes */
	char             pos[48];        /* "12/345" of the list on screen */
	bool             quit;
	int              exit_code;      /* what ui_run returns (UI_EXIT_DEMO) */
	bool             demo;           /* on the demo database: the title says so */
	int              wake_ms;        /* a view wants a tick this soon (0: the
					    usual UI_TICK_MS) */
	bool             full_redraw;    /* Ctrl-L: repaint everything */
	uint64_t         focus_id;       /* a record just added: views select it */
	int              focus_kind;
	struct ui_cmdopts cmdopts;       /* of the `:` command running */
	struct ui_paste  paste;          /* a bracketed paste coming in */
	/* Given by app_init (app_keys.c), so the stack (app.c) names no view:
	 * the top-level views' constructors (1 Plans … 4 Directory), and
	 * leaving from the last view (asks while a meeting is open), and the
	 * view that shows a record (app_open); the `:` commands, ending with
	 * one whose name is NULL (command.h), for the help screen. */
	struct view     *(*top_new[4])(struct app *a);
	void             (*leave)(struct app *a);
	int              (*open_record)(struct app *a, int kind, uint64_t id);
	const struct ui_command *commands;
};

/*
 * Set up `a` on the current curses screen (initscr/newterm done by the
 * caller) and store `st`; shows the welcome screen on an empty database,
 * else the Plans view.  Returns 0, or -1 out of memory.
 */
int app_init(struct app *a, struct pd_store *st, const char *share_dir,
	     bool want_color);
/* Free every view and the prompt. */
void app_free(struct app *a);

/* Handle one key (keymap.h encoding, UI_FN(KEY_RESIZE) included). */
void app_key(struct app *a, int key);
/* Draw everything (the only place that draws) and place the cursor. */
void app_draw(struct app *a);
/* A tick with no key: notice other processes' writes.  True if reloaded. */
bool app_poll(struct app *a);
/* Read one key with the tick timeout; -1 on timeout.  Within a
 * bracketed paste, line breaks and tabs come as one space. */
int app_getkey(struct app *a);

/* Do what a key handler's result (enum ui_res) says to the stack:
 * push the view handed over, pop, reload, leave. */
void app_apply(struct app *a, int res);
/* True when the database holds no plan, organisation or person (or it
 * cannot be read). */
bool app_db_empty(struct app *a);
/* Open record (kind, id) in the view that shows it (an item, a meeting,
 * a card; a plan in the Plans); returns an enum ui_res. */
int app_open(struct app *a, int kind, uint64_t id);
/* Hand a new view to the stack; returns UI_PUSH for the key handler. */
int app_push(struct app *a, struct view *v);
/* Close the top view now (the last one: leave, asking while a meeting is
 * open). */
void app_pop(struct app *a);
/* Show top-level view n (1 Plans, 2 Actions, 3 Meetings, 4 Directory). */
void app_show_top(struct app *a, int n);
/* The view on top. */
struct view *app_top(struct app *a);
/* Reload every view after a write (ours or another process's). */
void app_reload(struct app *a);

/*
 * Undo (redo: redo) the newest change.  One made by another client or an
 * import is named and asked about first; only that change is undone.
 */
void app_undo(struct app *a, bool redo);

/* The keys in force on view `v` now (its keys_now, else its keys). */
const struct ui_keymap *app_keys_now(struct view *v);

/* The key that does `cmd` on the view on top ("u", "Ctrl-_"), for hints. */
void app_key_for(struct app *a, enum ui_cmd cmd, char *buf, size_t n);

/* Ask for a tick within `ms` milliseconds (a view's debounced work). */
void app_wake(struct app *a, int ms);

/* Show a message on the status line until the next key. */
void app_msg(struct app *a, int role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Say that memory ran out (the UI's one spelling of it). */
void app_nomem(struct app *a);
/* Show an error message (in the error role) from `err`. */
void app_error(struct app *a, const char *what, const struct pd_err *err);

/* Open a line prompt (`/`, `:`, a question); `initial` may be NULL. */
void app_prompt_line(struct app *a, const char *label, const char *initial,
		     void (*change)(struct app *, void *, const char *),
		     int (*done)(struct app *, void *, const char *, int),
		     void *ctx);
/*
 * Ask for a passphrase: typed characters show as • (or *), kept in locked
 * memory, never in the line editor; Backspace and Ctrl-U edit, Enter
 * accepts, Esc cancels.  `done` gets the text, NUL-terminated, or "" when
 * cancelled; it is wiped and freed as soon as `done` returns, so keep a
 * copy (pd_secret_alloc) if it is needed later.
 */
void app_prompt_secret(struct app *a, const char *label,
		       int (*done)(struct app *, void *, const char *, int), void *ctx);
/*
 * Ask a y/N question ("Delete …?"); " (y/N)" is shown after it, always
 * whole: a long question is cut instead.  `done` gets 'y' or 'n'.
 */
void app_confirm(struct app *a, const char *question,
		 int (*done)(struct app *, void *, const char *, int), void *ctx);
/*
 * Offer one-key choices: `question` ("Add:"), then `hints` ("a action
 * u update  Esc none", hints separated by two spaces), always shown: a
 * long question is cut first, then hints after the last whole one that
 * fits.  `keys` are the keys that answer; done gets the key or UI_ESC.
 */
void app_choose(struct app *a, const char *question, const char *hints,
		const char *keys,
		int (*done)(struct app *, void *, const char *, int), void *ctx);

/* Show progress on the status line now (during a long import). */
void app_progress(struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* attr of a theme role. */
static inline attr_t app_attr(const struct app *a, int role)
{
	return a->theme.attr[role];
}

/* Open a read transaction, showing the error on failure (NULL then). */
struct pd_txn *app_txn(struct app *a);

#endif
