/* The search for the characters of a class in text within the BMP, each looked up in a bitmap,
and for pairs of characters of two classes that go together, each looked up in a table of masks.

The regular-expression engine tests each character it reads against the parts of a class one
after another: about forty instructions a character for the large classes that the screens read
text largely non-ASCII with. A bitmap of the BMP's 65,536 code points answers in a few. See
presswash/bmp_scan.py, which builds the bitmaps from the classes' patterns and has the engine
search where this module is not built, to the same result; the misread screen
(presswash/steps/misread_screen.py) looks for the pairs that begin a misread's shape, where
without this module it finds pairs of their kinds and looks at each in Python. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define BITMAP_BYTES (0x10000 / 8)

#define IS_MEMBER(members, c) ((members)[(c) >> 3] & (1u << ((c) & 7)))

/* The text, bitmap and bounds of a call, as every function of this module takes them. */
typedef struct {
    int kind;
    const void *data;
    const unsigned char *members;
    Py_ssize_t start;
    Py_ssize_t end;
} Scan;

static int
parse(PyObject *const *args, Py_ssize_t nargs, const char *name, Scan *scan)
{
    if (nargs != 4) {
        PyErr_Format(PyExc_TypeError, "%s() takes 4 arguments: text, members, start, end", name);
        return -1;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "%s(): text must be str", name);
        return -1;
    }
    if (!PyBytes_Check(args[1]) || PyBytes_GET_SIZE(args[1]) != BITMAP_BYTES) {
        PyErr_Format(PyExc_TypeError, "%s(): members must be bytes of length %d", name, BITMAP_BYTES);
        return -1;
    }
    if (PyUnicode_KIND(args[0]) == PyUnicode_4BYTE_KIND) {
        PyErr_Format(PyExc_ValueError, "%s(): text must be stored within the BMP", name);
        return -1;
    }
    Py_ssize_t start = PyLong_AsSsize_t(args[2]);
    if (start == -1 && PyErr_Occurred()) return -1;
    Py_ssize_t end = PyLong_AsSsize_t(args[3]);
    if (end == -1 && PyErr_Occurred()) return -1;
    Py_ssize_t length = PyUnicode_GET_LENGTH(args[0]);
    scan->kind = PyUnicode_KIND(args[0]);
    scan->data = PyUnicode_DATA(args[0]);
    scan->members = (const unsigned char *)PyBytes_AS_STRING(args[1]);
    /* As the engine's pos and endpos: clamped to the text. */
    scan->start = start < 0 ? 0 : (start > length ? length : start);
    scan->end = end < scan->start ? scan->start : (end > length ? length : end);
    return 0;
}

static Py_ssize_t
next_member(const Scan *scan, Py_ssize_t from)
{
    const unsigned char *members = scan->members;
    Py_ssize_t end = scan->end;
    if (scan->kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *text = scan->data;
        for (Py_ssize_t i = from; i < end; i++)
            if (IS_MEMBER(members, text[i])) return i;
    } else {
        const Py_UCS2 *text = scan->data;
        for (Py_ssize_t i = from; i < end; i++)
            if (IS_MEMBER(members, text[i])) return i;
    }
    return -1;
}

PyDoc_STRVAR(find_doc,
"find(text, members, start, end) -> int\n\n"
"Where the first character of text[start:end] whose bit is set in members (8,192 bytes, a bit\n"
"for each code point of the BMP, lowest first) stands, or -1. text must be stored within the BMP.");

static PyObject *
find(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Scan scan;
    if (parse(args, nargs, "find", &scan) < 0) return NULL;
    return PyLong_FromSsize_t(next_member(&scan, scan.start));
}

PyDoc_STRVAR(findall_doc,
"findall(text, members, start, end) -> list[str]\n\n"
"The characters of text[start:end] whose bit is set in members, in order (as find).");

static PyObject *
findall(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Scan scan;
    if (parse(args, nargs, "findall", &scan) < 0) return NULL;
    PyObject *found = PyList_New(0);
    if (found == NULL) return NULL;
    for (Py_ssize_t i = next_member(&scan, scan.start); i != -1; i = next_member(&scan, i + 1)) {
        PyObject *character = PyUnicode_FromOrdinal(PyUnicode_READ(scan.kind, scan.data, i));
        if (character == NULL || PyList_Append(found, character) < 0) {
            Py_XDECREF(character);
            Py_DECREF(found);
            return NULL;
        }
        Py_DECREF(character);
    }
    return found;
}

/* Two bytes (native order) a code point of the BMP: the bits of the classes that hold it. */
#define MASKS_BYTES (0x10000 * 2)

static inline uint16_t
mask_of(const uint16_t *masks, Py_UCS4 c)
{
    return c < 0x10000 ? masks[c] : 0;
}

PyDoc_STRVAR(find_pair_doc,
"find_pair(text, first, second, start, end=len(text)) -> int\n\n"
"Where the first pair of characters of text[start:end] stands whose masks share a bit, the\n"
"first's in first and the second's in second (each 65,536 native 16-bit masks, one a code\n"
"point of the BMP; a character beyond it has none), or -1.");

static PyObject *
find_pair(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 4 || nargs > 5 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "find_pair() takes text (str), first, second, start and perhaps end");
        return NULL;
    }
    for (int i = 1; i <= 2; i++) {
        if (!PyBytes_Check(args[i]) || PyBytes_GET_SIZE(args[i]) != MASKS_BYTES) {
            PyErr_Format(PyExc_TypeError, "find_pair(): masks must be bytes of length %d", MASKS_BYTES);
            return NULL;
        }
    }
    Py_ssize_t start = PyLong_AsSsize_t(args[3]);
    if (start == -1 && PyErr_Occurred()) return NULL;
    PyObject *text = args[0];
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t end = nargs == 5 ? PyLong_AsSsize_t(args[4]) : length;
    if (end == -1 && PyErr_Occurred()) return NULL;
    start = start < 0 ? 0 : start;
    end = end > length ? length : end;
    const uint16_t *first = (const uint16_t *)PyBytes_AS_STRING(args[1]);
    const uint16_t *second = (const uint16_t *)PyBytes_AS_STRING(args[2]);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = start; i + 1 < end; i++) {
        if (mask_of(first, PyUnicode_READ(kind, data, i)) & mask_of(second, PyUnicode_READ(kind, data, i + 1)))
            return PyLong_FromSsize_t(i);
    }
    return PyLong_FromSsize_t(-1);
}

static PyMethodDef methods[] = {
    {"find", (PyCFunction)(void (*)(void))find, METH_FASTCALL, find_doc},
    {"find_pair", (PyCFunction)(void (*)(void))find_pair, METH_FASTCALL, find_pair_doc},
    {"findall", (PyCFunction)(void (*)(void))findall, METH_FASTCALL, findall_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "presswash._class_scan",
    "The search for the characters of a class in text within the BMP, each looked up in a bitmap.",
    0,
    methods,
};

PyMODINIT_FUNC
PyInit__class_scan(void)
{
    return PyModule_Create(&module);
}
