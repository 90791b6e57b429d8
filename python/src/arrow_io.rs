//! Arrow in and out through the PyCapsule interface (`__arrow_c_array__`), which pyarrow,
//! Polars and pandas (through pyarrow) speak.

use arrow_array::ffi::{from_ffi, to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{make_array, Array, ArrayRef};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};
use std::ffi::CString;

/// Reads one Arrow array from any object with `__arrow_c_array__`.
pub fn import(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<ArrayRef> {
    if !obj.hasattr("__arrow_c_array__")? {
        return Err(PyTypeError::new_err(format!(
            "{what}: expected an Arrow array (an object with __arrow_c_array__)"
        )));
    }
    let pair = obj.call_method0("__arrow_c_array__")?;
    let pair = pair.downcast::<PyTuple>()?;
    let schema = pair.get_item(0)?;
    let array = pair.get_item(1)?;
    let schema = schema.downcast::<PyCapsule>()?;
    let array = array.downcast::<PyCapsule>()?;
    let schema_ptr = schema.pointer() as *const FFI_ArrowSchema;
    let array_ptr = array.pointer() as *mut FFI_ArrowArray;
    // SAFETY: the capsules hold an ArrowSchema and an ArrowArray by the C data interface; the
    // array is moved out (its release set to null in the capsule, which the producer's
    // capsule destructor then skips), the schema only borrowed.
    let data = unsafe {
        let owned = std::ptr::replace(array_ptr, FFI_ArrowArray::empty());
        from_ffi(owned, &*schema_ptr)
    }
    .map_err(|e| PyTypeError::new_err(format!("{what}: {e}")))?;
    Ok(make_array(data))
}

/// An Arrow array handed to Python: `pyarrow.array(obj)` takes it through
/// `__arrow_c_array__`.
#[pyclass(module = "kam_score._kam_score")]
pub struct ArrowArray {
    array: ArrayRef,
}

#[pymethods]
impl ArrowArray {
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let _ = requested_schema;
        let (array, schema) =
            to_ffi(&self.array.to_data()).map_err(|e| PyTypeError::new_err(e.to_string()))?;
        let schema = PyCapsule::new(py, schema, Some(CString::new("arrow_schema").unwrap()))?;
        let array = PyCapsule::new(py, array, Some(CString::new("arrow_array").unwrap()))?;
        PyTuple::new(py, [schema.into_any(), array.into_any()])
    }

    fn __len__(&self) -> usize {
        self.array.len()
    }
}

pub fn export(array: ArrayRef) -> ArrowArray {
    ArrowArray { array }
}
