/*
 * editor.h — long text in the user's editor ($VISUAL, else $EDITOR, else
 * vi), run with fork and execvp (no shell: the variable is split on
 * blanks) on a temporary file created 0600 in $TMPDIR.  Curses is ended
 * before and the screen restored after.
 */
#ifndef PLANDESK_UI_EDITOR_H
#define PLANDESK_UI_EDITOR_H

#include <stddef.h>

#include "plandesk/base/status.h"

struct app;

/*
 * Edit `text` in the editor.  Returns 1 when the text changed: *out gets
 * it (malloc'd; one final newline removed) and the file is kept at `path`
 * until the caller has saved the text (then the caller unlinks it, so a
 * failed save loses nothing); 0 when unchanged (file removed); -1 on
 * failure (message in err).
 */
int ui_run_editor(struct app *a, const char *text, char **out, char *path,
		  size_t pathn, struct pd_err *err);

#endif
