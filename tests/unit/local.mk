# tests/unit/: Criterion tests of the core, one program each, grouped as
# src/core/ is.  Each opens a real LMDB file in a temporary directory
# (testdb.h).  Included by Makefile.am.

# base/
UNIT_TESTS = %reldir%/test_text %reldir%/test_text_words %reldir%/test_text_width \
	%reldir%/test_u64map %reldir%/test_date %reldir%/test_buf
tests_unit_test_buf_SOURCES = %reldir%/test_buf.c
tests_unit_test_buf_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_buf_LDADD = $(TEST_LIBS)
tests_unit_test_text_SOURCES = %reldir%/test_text.c %reldir%/texttest.h
tests_unit_test_text_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_text_LDADD = $(TEST_LIBS)
tests_unit_test_text_words_SOURCES = %reldir%/test_text_words.c %reldir%/texttest.h
tests_unit_test_text_words_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_text_words_LDADD = $(TEST_LIBS)
tests_unit_test_text_width_SOURCES = %reldir%/test_text_width.c %reldir%/texttest.h
tests_unit_test_text_width_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_text_width_LDADD = $(TEST_LIBS)
tests_unit_test_u64map_SOURCES = %reldir%/test_u64map.c
tests_unit_test_u64map_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_u64map_LDADD = $(TEST_LIBS)
tests_unit_test_date_SOURCES = %reldir%/test_date.c
tests_unit_test_date_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_date_LDADD = $(TEST_LIBS)

# store/
UNIT_TESTS += %reldir%/test_store %reldir%/test_store_rules %reldir%/test_store_writes \
	%reldir%/test_store_file %reldir%/test_undo %reldir%/test_undo_history \
	%reldir%/test_undo_clients %reldir%/test_postings
tests_unit_test_postings_SOURCES = %reldir%/querygen.h %reldir%/test_postings.c %reldir%/testdb.h
tests_unit_test_postings_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/core
tests_unit_test_postings_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_postings_LDADD = $(TEST_LIBS)
tests_unit_test_store_SOURCES = %reldir%/test_store.c %reldir%/storetest.h %reldir%/testdb.h
tests_unit_test_store_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_store_LDADD = $(TEST_LIBS)
tests_unit_test_store_rules_SOURCES = %reldir%/test_store_rules.c %reldir%/storetest.h %reldir%/testdb.h
tests_unit_test_store_rules_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_store_rules_LDADD = $(TEST_LIBS)
tests_unit_test_store_writes_SOURCES = %reldir%/test_store_writes.c %reldir%/storetest.h %reldir%/testdb.h
tests_unit_test_store_writes_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_store_writes_LDADD = $(TEST_LIBS)
tests_unit_test_store_file_SOURCES = %reldir%/test_store_file.c %reldir%/storetest.h %reldir%/testdb.h
tests_unit_test_store_file_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_store_file_LDADD = $(TEST_LIBS)
tests_unit_test_undo_SOURCES = %reldir%/test_undo.c %reldir%/undotest.h %reldir%/testdb.h
tests_unit_test_undo_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_undo_LDADD = $(TEST_LIBS)
tests_unit_test_undo_history_SOURCES = %reldir%/test_undo_history.c %reldir%/undotest.h %reldir%/testdb.h
tests_unit_test_undo_history_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_undo_history_LDADD = $(TEST_LIBS)
tests_unit_test_undo_clients_SOURCES = %reldir%/test_undo_clients.c %reldir%/undotest.h %reldir%/testdb.h
tests_unit_test_undo_clients_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_undo_clients_LDADD = $(TEST_LIBS)

# records/
UNIT_TESTS += %reldir%/test_codec %reldir%/test_check %reldir%/test_schema
tests_unit_test_codec_SOURCES = %reldir%/test_codec.c %reldir%/testdb.h
tests_unit_test_codec_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_codec_LDADD = $(TEST_LIBS)
tests_unit_test_schema_SOURCES = %reldir%/test_schema.c %reldir%/testdb.h \
	%reldir%/kindcopy.h
tests_unit_test_schema_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_schema_LDADD = $(TEST_LIBS)
tests_unit_test_check_SOURCES = %reldir%/test_check.c %reldir%/testdb.h %reldir%/rawdb.h
tests_unit_test_check_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_check_LDADD = $(TEST_LIBS)

# directory/
UNIT_TESTS += %reldir%/test_search %reldir%/test_search_random %reldir%/test_search_order %reldir%/test_search_join %reldir%/test_inner %reldir%/test_cards %reldir%/test_card_codec %reldir%/test_term_batch %reldir%/test_term_runs %reldir%/test_people_match %reldir%/test_upgrade
tests_unit_test_search_SOURCES = %reldir%/test_search.c %reldir%/testdb.h
tests_unit_test_search_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_search_LDADD = $(TEST_LIBS)
tests_unit_test_search_random_SOURCES = %reldir%/test_search_random.c %reldir%/testdb.h
tests_unit_test_search_random_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_search_random_LDADD = $(TEST_LIBS)
tests_unit_test_search_order_SOURCES = %reldir%/test_search_order.c %reldir%/testdb.h \
	%reldir%/querygen.h
tests_unit_test_search_order_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_search_order_LDADD = $(TEST_LIBS)
tests_unit_test_search_join_SOURCES = %reldir%/test_search_join.c %reldir%/testdb.h \
	%reldir%/querygen.h
tests_unit_test_search_join_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_search_join_LDADD = $(TEST_LIBS)
tests_unit_test_inner_SOURCES = %reldir%/test_inner.c %reldir%/testdb.h %reldir%/rawdb.h \
	%reldir%/oldcards.h
tests_unit_test_inner_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/core
tests_unit_test_inner_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_inner_LDADD = $(TEST_LIBS)
tests_unit_test_cards_SOURCES = %reldir%/test_cards.c %reldir%/testdb.h %reldir%/rawdb.h %reldir%/oldterms.h \
	%reldir%/oldcards.h
tests_unit_test_cards_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_cards_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/core
tests_unit_test_cards_LDADD = $(TEST_LIBS)
tests_unit_test_card_codec_SOURCES = %reldir%/test_card_codec.c %reldir%/testdb.h %reldir%/querygen.h
tests_unit_test_card_codec_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_card_codec_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/core
tests_unit_test_card_codec_LDADD = $(TEST_LIBS)
tests_unit_test_term_batch_SOURCES = %reldir%/test_term_batch.c %reldir%/testdb.h
tests_unit_test_term_batch_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_term_batch_LDADD = $(TEST_LIBS)
tests_unit_test_term_runs_SOURCES = %reldir%/test_term_batch.c %reldir%/testdb.h
tests_unit_test_term_runs_CPPFLAGS = $(AM_CPPFLAGS) -DTERM_RUNS
tests_unit_test_term_runs_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_term_runs_LDADD = $(TEST_LIBS)
tests_unit_test_upgrade_SOURCES = %reldir%/test_upgrade.c %reldir%/testdb.h %reldir%/rawdb.h %reldir%/oldterms.h \
	%reldir%/oldcards.h %reldir%/oldrecords.h
tests_unit_test_upgrade_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/core
tests_unit_test_upgrade_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_upgrade_LDADD = $(TEST_LIBS)
tests_unit_test_people_match_SOURCES = %reldir%/test_people_match.c %reldir%/testdb.h
tests_unit_test_people_match_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_people_match_LDADD = $(TEST_LIBS)

# transfer/
UNIT_TESTS += %reldir%/test_csv_read %reldir%/test_csv_write %reldir%/test_import %reldir%/test_export %reldir%/test_vcard %reldir%/test_mail \
	%reldir%/test_bulk
tests_unit_test_csv_read_SOURCES = %reldir%/test_csv_read.c %reldir%/csvtest.h
tests_unit_test_csv_read_CFLAGS = $(CSV_TEST_CFLAGS)
tests_unit_test_csv_read_LDADD = $(TEST_LIBS)
tests_unit_test_csv_write_SOURCES = %reldir%/test_csv_write.c %reldir%/csvtest.h
tests_unit_test_csv_write_CFLAGS = $(CSV_TEST_CFLAGS)
tests_unit_test_csv_write_LDADD = $(TEST_LIBS)
tests_unit_test_import_SOURCES = %reldir%/test_import.c %reldir%/csvtest.h %reldir%/testdb.h
tests_unit_test_import_CFLAGS = $(CSV_TEST_CFLAGS)
tests_unit_test_import_LDADD = $(TEST_LIBS)
tests_unit_test_bulk_SOURCES = %reldir%/test_bulk.c %reldir%/csvtest.h %reldir%/testdb.h
tests_unit_test_bulk_CFLAGS = $(CSV_TEST_CFLAGS)
tests_unit_test_bulk_LDADD = $(TEST_LIBS)
tests_unit_test_export_SOURCES = %reldir%/test_export.c %reldir%/csvtest.h %reldir%/testdb.h
tests_unit_test_export_CFLAGS = $(CSV_TEST_CFLAGS)
tests_unit_test_export_LDADD = $(TEST_LIBS)
tests_unit_test_vcard_SOURCES = %reldir%/test_vcard.c %reldir%/testdb.h
tests_unit_test_vcard_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_vcard_LDADD = $(TEST_LIBS)
tests_unit_test_mail_SOURCES = %reldir%/test_mail.c %reldir%/testdb.h
tests_unit_test_mail_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_mail_LDADD = $(TEST_LIBS)

# meetings/
UNIT_TESTS += %reldir%/test_actionline %reldir%/test_due %reldir%/test_meeting %reldir%/test_meeting_lines
tests_unit_test_actionline_SOURCES = %reldir%/test_actionline.c
tests_unit_test_actionline_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_actionline_LDADD = $(TEST_LIBS)
tests_unit_test_due_SOURCES = %reldir%/test_due.c
tests_unit_test_due_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_due_LDADD = $(TEST_LIBS)
tests_unit_test_meeting_SOURCES = %reldir%/test_meeting.c %reldir%/meetingtest.h %reldir%/testdb.h %reldir%/rawdb.h
tests_unit_test_meeting_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_meeting_LDADD = $(TEST_LIBS)
tests_unit_test_meeting_lines_SOURCES = %reldir%/test_meeting_lines.c %reldir%/meetingtest.h %reldir%/testdb.h %reldir%/rawdb.h
tests_unit_test_meeting_lines_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_meeting_lines_LDADD = $(TEST_LIBS)

# documents/
UNIT_TESTS += %reldir%/test_minutes %reldir%/test_report %reldir%/test_report_content \
	%reldir%/test_docmodel %reldir%/test_sheet %reldir%/test_confidential \
	%reldir%/test_formats
tests_unit_test_formats_SOURCES = %reldir%/test_formats.c %reldir%/testdb.h
tests_unit_test_formats_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_formats_LDADD = $(TEST_LIBS)
tests_unit_test_confidential_SOURCES = %reldir%/test_confidential.c %reldir%/testdb.h \
	%reldir%/rawdb.h
tests_unit_test_confidential_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_confidential_LDADD = $(TEST_LIBS)
tests_unit_test_minutes_SOURCES = %reldir%/test_minutes.c %reldir%/testdb.h
tests_unit_test_minutes_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_minutes_LDADD = $(TEST_LIBS)
tests_unit_test_report_SOURCES = %reldir%/test_report.c %reldir%/reporttest.h %reldir%/testdb.h %reldir%/htmlcheck.h
tests_unit_test_report_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_report_LDADD = $(TEST_LIBS)
tests_unit_test_report_content_SOURCES = %reldir%/test_report_content.c %reldir%/reporttest.h %reldir%/testdb.h %reldir%/htmlcheck.h
tests_unit_test_report_content_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_report_content_LDADD = $(TEST_LIBS)
tests_unit_test_docmodel_SOURCES = %reldir%/test_docmodel.c %reldir%/zipcheck.h
tests_unit_test_docmodel_CFLAGS = $(ZIP_TEST_CFLAGS)
tests_unit_test_docmodel_LDADD = $(TEST_LIBS)
tests_unit_test_sheet_SOURCES = %reldir%/test_sheet.c %reldir%/zipcheck.h
tests_unit_test_sheet_CFLAGS = $(ZIP_TEST_CFLAGS)
tests_unit_test_sheet_LDADD = $(TEST_LIBS)

# protect/
UNIT_TESTS += %reldir%/test_backup %reldir%/test_disclose %reldir%/test_retention \
	%reldir%/test_subject %reldir%/test_history
tests_unit_test_history_SOURCES = %reldir%/test_history.c %reldir%/testdb.h
tests_unit_test_history_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_history_LDADD = $(TEST_LIBS)
tests_unit_test_subject_SOURCES = %reldir%/test_subject.c %reldir%/testdb.h %reldir%/rawdb.h
tests_unit_test_subject_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_subject_LDADD = $(TEST_LIBS)
tests_unit_test_retention_SOURCES = %reldir%/test_retention.c %reldir%/testdb.h %reldir%/rawdb.h
tests_unit_test_retention_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_retention_LDADD = $(TEST_LIBS)
tests_unit_test_disclose_SOURCES = %reldir%/test_disclose.c %reldir%/testdb.h %reldir%/rawdb.h
tests_unit_test_disclose_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_disclose_LDADD = $(TEST_LIBS)
tests_unit_test_backup_SOURCES = %reldir%/test_backup.c %reldir%/testdb.h %reldir%/rawdb.h
tests_unit_test_backup_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_backup_LDADD = $(TEST_LIBS)

# man_columns prints the man page's list of CSV columns from the field
# tables (`make man-columns`; tests/cli/man_columns.sh checks the page).
tests_unit_man_columns_SOURCES = %reldir%/man_columns.c
tests_unit_man_columns_LDADD = $(CORE_LIBS)
