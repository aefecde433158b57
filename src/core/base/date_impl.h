/*
 * date_impl.h — what the two halves of the dates share (date.c: the
 * calendar and formatting; date_parse.c: reading).  Internal to core.
 */
#ifndef PLANDESK_DATE_IMPL_H
#define PLANDESK_DATE_IMPL_H

#define PD_DATE_YEAR_MIN 1      /* the years a date may have */
#define PD_DATE_YEAR_MAX 9999

/* "January" … "December". */
extern const char *const pd_date_month_names[12];

/* The days of month m (1 to 12) of year y. */
int pd_date_month_days(int y, int m);

#endif
