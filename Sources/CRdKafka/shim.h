#ifndef NEWSFLOW_CRDKAFKA_SHIM_H
#define NEWSFLOW_CRDKAFKA_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

/*
 * Small inline helpers for things Swift cannot express directly.
 *
 * `rd_kafka_producev` is variadic (unavailable in Swift) and `rd_kafka_vu_t` holds an anonymous union,
 * so the vector for `rd_kafka_produceva` is built here.
 *
 * - `partition` is RD_KAFKA_PARTITION_UA (-1) to let the partitioner pick one from the key.
 * - `key` may be NULL (no key); `value` may be NULL with `value_len` 0 (null payload).
 * - The payload and key are copied (RD_KAFKA_MSG_F_COPY), so the caller's buffers may go away on return.
 * - `headers` may be NULL. On success librdkafka owns `headers`; on failure the caller still owns them.
 * - `opaque` becomes the per-message opaque (`rkmessage->_private`) seen by the delivery report callback.
 */
static inline rd_kafka_error_t *newsflow_produce(rd_kafka_t *rk,
                                                 const char *topic,
                                                 int32_t partition,
                                                 const void *key,
                                                 size_t key_len,
                                                 const void *value,
                                                 size_t value_len,
                                                 rd_kafka_headers_t *headers,
                                                 void *opaque) {
        rd_kafka_vu_t vus[7];
        size_t n = 0;

        vus[n].vtype = RD_KAFKA_VTYPE_TOPIC;
        vus[n].u.cstr = topic;
        n++;
        vus[n].vtype = RD_KAFKA_VTYPE_PARTITION;
        vus[n].u.i32 = partition;
        n++;
        vus[n].vtype = RD_KAFKA_VTYPE_VALUE;
        vus[n].u.mem.ptr = (void *)value;
        vus[n].u.mem.size = value_len;
        n++;
        if (key != NULL) {
                vus[n].vtype = RD_KAFKA_VTYPE_KEY;
                vus[n].u.mem.ptr = (void *)key;
                vus[n].u.mem.size = key_len;
                n++;
        }
        vus[n].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
        vus[n].u.i = RD_KAFKA_MSG_F_COPY;
        n++;
        if (headers != NULL) {
                vus[n].vtype = RD_KAFKA_VTYPE_HEADERS;
                vus[n].u.headers = headers;
                n++;
        }
        vus[n].vtype = RD_KAFKA_VTYPE_OPAQUE;
        vus[n].u.ptr = opaque;
        n++;

        return rd_kafka_produceva(rk, vus, n);
}

/** RD_KAFKA_PARTITION_UA is a cast macro that Swift does not import. */
static inline int32_t newsflow_partition_unassigned(void) {
        return RD_KAFKA_PARTITION_UA;
}

/** RD_KAFKA_OFFSET_INVALID is a macro Swift does not import reliably. */
static inline int64_t newsflow_offset_invalid(void) {
        return RD_KAFKA_OFFSET_INVALID;
}

#endif
