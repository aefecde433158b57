/*
 * formats_other.c — a document module of another version, built as
 * tests/cli/formats-other.so for module.sh: its table says a version the
 * program does not take, and the program must refuse it before calling
 * anything in it (its writers are all NULL).
 */
#include "plandesk/documents/formats.h"

const struct pd_formats pd_formats_module = {
	.version = PD_FORMATS_VERSION + 1,
	.size    = sizeof (struct pd_formats),
};
