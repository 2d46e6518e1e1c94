#ifndef NEWSFLOW_CLIBXML2_SHIM_H
#define NEWSFLOW_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU; its headers then pull in ICU types that clash with
// Foundation's ('UErrorCode' has different definitions). Nothing here needs ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <string.h>

/// `xmlFree` is a global function pointer variable, which Swift cannot call directly.
static inline void newsflow_xmlFree(void *p) { xmlFree(p); }

/* The runtime library's version string ("20914"); `xmlParserVersion` is a macro with threads. */
static inline const char *newsflow_xml_parser_version(void) { return xmlParserVersion; }

static void newsflow_silent_generic_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

/// Silence libxml2's generic error handler for the calling thread (and for threads created later).
static inline void newsflow_xml_silence_errors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, newsflow_silent_generic_error);
    xmlSetGenericErrorFunc(NULL, newsflow_silent_generic_error);
}

/// A parser context for `size` bytes of UTF-8 HTML at `buffer` that reports to `sax` instead of
/// building a libxml2 tree: exactly what `htmlReadMemory(buffer, size, NULL, "UTF-8", options)`
/// sets up (same context type, options and explicit UTF-8 input encoding), with the SAX
/// callbacks replaced and `private_data` stored in the context's `_private`. The caller runs
/// `htmlParseDocument` and frees the context with `xmlFreeParserCtxt`. NULL if `size` is 0.
///
/// `valid_utf8` (the input is known to be valid UTF-8 without NUL bytes, and the runtime is
/// libxml2 2.9): the input is declared UTF-8 without a converter (`xmlSwitchEncoding`), which
/// skips the converter's copy of the whole page. For such input libxml2 2.9 reads the same
/// characters either way (it consults the converter only on invalid bytes, and with
/// `HTML_PARSE_IGNORE_ENC` and the input's encoding set it never switches on a `<meta charset>`).
static inline htmlParserCtxtPtr newsflow_html_sax_context(const char *buffer, int size, const htmlSAXHandler *sax,
                                                          void *private_data, int options, int valid_utf8) {
    htmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return NULL;
    if (ctxt->sax != NULL) memcpy(ctxt->sax, sax, sizeof(xmlSAXHandlerV1));
    ctxt->_private = private_data;
    htmlCtxtUseOptions(ctxt, options);
    ctxt->html = 1;
    if (valid_utf8) {
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
        if (ctxt->input->encoding != NULL) xmlFree((xmlChar *) ctxt->input->encoding);
        ctxt->input->encoding = xmlStrdup((const xmlChar *) "UTF-8");
        return ctxt;
    }
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler("UTF-8");
    if (handler != NULL) {
        xmlSwitchToEncoding(ctxt, handler);
        if (ctxt->input->encoding != NULL) xmlFree((xmlChar *) ctxt->input->encoding);
        ctxt->input->encoding = xmlStrdup((const xmlChar *) "UTF-8");
    }
    return ctxt;
}

#endif
