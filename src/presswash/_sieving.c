/* What the sieve keeps of a text, and the kinds of its characters, read in one pass each.

In Python the sieve encodes a text to UTF-8 and deletes the ASCII bytes no step reacts to
(bytes.translate), and the misread screen encodes it again to map each character's first
UTF-8 byte to its kind: two passes and a copy each, about eighteen instructions a character.
These read the text as CPython stores it, once. See presswash/sieve.py and
presswash/steps/misread_screen.py, which call them where this module is built and do as before
where it is not, to the same result. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define SIEVED(kept, c) ((c) >= 0x80 || (kept)[c])

PyDoc_STRVAR(sieve_doc,
"sieve(text, kept) -> str\n\n"
"The characters of text beyond ASCII and the ASCII ones whose byte in kept (128 bytes) is\n"
"not 0, in order.");

static PyObject *
sieve(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[1]) || PyBytes_GET_SIZE(args[1]) != 128) {
        PyErr_SetString(PyExc_TypeError, "sieve() takes text (str) and kept (bytes of length 128)");
        return NULL;
    }
    PyObject *text = args[0];
    const unsigned char *kept = (const unsigned char *)PyBytes_AS_STRING(args[1]);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    void *out = PyMem_Malloc((length ? length : 1) * kind);
    if (out == NULL) return PyErr_NoMemory();
    Py_ssize_t count = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *in = data;
        Py_UCS1 *to = out;
        for (Py_ssize_t i = 0; i < length; i++)
            if (SIEVED(kept, in[i])) to[count++] = in[i];
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *in = data;
        Py_UCS2 *to = out;
        for (Py_ssize_t i = 0; i < length; i++)
            if (SIEVED(kept, in[i])) to[count++] = in[i];
    } else {
        const Py_UCS4 *in = data;
        Py_UCS4 *to = out;
        for (Py_ssize_t i = 0; i < length; i++)
            if (SIEVED(kept, in[i])) to[count++] = in[i];
    }
    /* Stored at the width of its own widest character, as every str is. */
    PyObject *result = PyUnicode_FromKindAndData(kind, out, count);
    PyMem_Free(out);
    return result;
}

static inline Py_UCS4
first_utf8_byte(Py_UCS4 c)
{
    if (c < 0x80) return c;
    if (c < 0x800) return 0xC0 | (c >> 6);
    if (c < 0x10000) return 0xE0 | (c >> 12); /* lone surrogates too, as "surrogatepass" encodes them */
    return 0xF0 | (c >> 18);
}

PyDoc_STRVAR(kinds_doc,
"kinds(text, table) -> bytes\n\n"
"A byte for each character of text: table's (256 bytes) at the first byte of its UTF-8, as\n"
"text.encode('utf-8', 'surrogatepass').translate(table, bytes(range(0x80, 0xC0))) gives.");

static PyObject *
kinds(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[1]) || PyBytes_GET_SIZE(args[1]) != 256) {
        PyErr_SetString(PyExc_TypeError, "kinds() takes text (str) and table (bytes of length 256)");
        return NULL;
    }
    PyObject *text = args[0];
    const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(args[1]);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *result = PyBytes_FromStringAndSize(NULL, length);
    if (result == NULL) return NULL;
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(result);
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *in = data;
        for (Py_ssize_t i = 0; i < length; i++) out[i] = table[first_utf8_byte(in[i])];
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *in = data;
        for (Py_ssize_t i = 0; i < length; i++) out[i] = table[first_utf8_byte(in[i])];
    } else {
        const Py_UCS4 *in = data;
        for (Py_ssize_t i = 0; i < length; i++) out[i] = table[first_utf8_byte(in[i])];
    }
    return result;
}

static PyMethodDef methods[] = {
    {"sieve", (PyCFunction)(void (*)(void))sieve, METH_FASTCALL, sieve_doc},
    {"kinds", (PyCFunction)(void (*)(void))kinds, METH_FASTCALL, kinds_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "presswash._sieving",
    "What the sieve keeps of a text, and the kinds of its characters, read in one pass each.",
    0,
    methods,
};

PyMODINIT_FUNC
PyInit__sieving(void)
{
    return PyModule_Create(&module);
}
