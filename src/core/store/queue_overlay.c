/*
 * queue_overlay.c — what a write's queued operations leave each key of
 * `unique` holding, so that a read in the same write sees them without
 * applying the queue (write_queue.h: pd_txn_unique_get).
 *
 * An import looks each e-mail address up before it adds the person, and
 * checks the new key is nobody else's.  Were those reads to apply the
 * queue, each row would; so `unique`'s keys used to be put at once, one
 * random place of the tree each: a million of them left its pages half
 * empty (93 MiB, not 46) and cost 5 s of a 33 s import.  Queued, they go
 * in sorted, appended, at the end; this overlay answers the reads.
 *
 * The keys and values are kept in an arena, each entry a header (state,
 * key and value lengths) then the key and the value; a hash map from the
 * key's hash to the entry's offset finds them.  A key queued again with a
 * value of the same length is updated in place, else the old entry is
 * marked superseded and a new one added.
 */
#include <string.h>

#include "plandesk/base/u64map.h"
#include "queue_impl.h"

enum { OV_SUPERSEDED, OV_PUT, OV_DEL };

struct ov_head {
	uint8_t  state;
	uint16_t klen;
	uint32_t vlen;
};

#define OV_HEAD sizeof(struct ov_head)

static struct ov_head *entry_at(const struct pd_overlay *o, uint64_t off)
{
	return (struct ov_head *)(void *)(o->arena.p + off);
}

/* The live entry of key (k, kn), or NULL. */
static struct ov_head *find(const struct pd_overlay *o, uint64_t h,
			    const void *k, size_t kn)
{
	size_t it = 0;
	uint64_t off;

	while (pd_u64map_next(&o->map, h, &it, &off)) {
		struct ov_head *e = entry_at(o, off);
		if (e->state != OV_SUPERSEDED && e->klen == kn &&
		    !memcmp((const char *)e + OV_HEAD, k, kn))
			return e;
	}
	return NULL;
}

int pd_overlay_note(struct pd_overlay *o, bool put, const MDB_val *k,
		    const MDB_val *v)
{
	uint64_t h = pd_u64map_hash(k->mv_data, k->mv_size);
	struct ov_head *e = find(o, h, k->mv_data, k->mv_size);
	static const char zeros[8];
	size_t vn = put ? v->mv_size : 0, off, pad;
	struct ov_head hd;

	if (e && e->vlen == vn) {   /* in place */
		e->state = put ? OV_PUT : OV_DEL;
		if (vn)
			memcpy((char *)e + OV_HEAD + e->klen, v->mv_data, vn);
		return PD_OK;
	}
	if (e)
		e->state = OV_SUPERSEDED;
	/* entries start 8-aligned: the header is read in place */
	pad = (8 - o->arena.n % 8) % 8;
	hd = (struct ov_head){ put ? OV_PUT : OV_DEL, (uint16_t)k->mv_size, (uint32_t)vn };
	if (pd_buf_add(&o->arena, zeros, pad) != PD_OK)
		return PD_ENOMEM;
	off = o->arena.n;
	if (pd_buf_add(&o->arena, &hd, OV_HEAD) != PD_OK ||
	    pd_buf_add(&o->arena, k->mv_data, k->mv_size) != PD_OK ||
	    (vn && pd_buf_add(&o->arena, v->mv_data, vn) != PD_OK))
		return PD_ENOMEM;
	return pd_u64map_add(&o->map, h, off);
}

int pd_overlay_get(const struct pd_overlay *o, const MDB_val *k, MDB_val *v)
{
	struct ov_head *e;

	if (!o->map.n)
		return PD_OVERLAY_NONE;
	e = find(o, pd_u64map_hash(k->mv_data, k->mv_size), k->mv_data, k->mv_size);
	if (!e)
		return PD_OVERLAY_NONE;
	if (e->state == OV_DEL)
		return PD_OVERLAY_DEL;
	v->mv_size = e->vlen;
	v->mv_data = (char *)e + OV_HEAD + e->klen;
	return PD_OVERLAY_PUT;
}

void pd_overlay_clear(struct pd_overlay *o)
{
	pd_u64map_clear(&o->map);
	pd_buf_reset(&o->arena);
}

void pd_overlay_free(struct pd_overlay *o)
{
	pd_u64map_free(&o->map, NULL);
	pd_buf_free(&o->arena);
}
