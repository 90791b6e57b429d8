//! Reading JavaScript values only through calls that catch JavaScript exceptions.
//!
//! A JavaScript exception that unwinds through Rust frames leaves the wasm stack pointer
//! where the frames left it; enough of them and the module traps on every call. A revoked
//! Proxy throws on `Array.isArray` and `instanceof`, a getter can throw on any read, so user
//! values are inspected here first through `Reflect`, whose bindings catch, and refused with
//! an ordinary error when they throw.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsError, JsValue};

/// The most items an array argument may hold (a list of 50 million cells is already far past
/// every limit of the crate).
const MAX_ITEMS: f64 = 50_000_000.0;

fn unreadable() -> JsError {
    JsError::new(
        "the value cannot be read: it throws when read (a revoked Proxy or a throwing getter)",
    )
}

/// Refuses an object that throws when inspected (a revoked Proxy, a Proxy whose traps throw).
pub fn readable(value: &JsValue) -> Result<(), JsError> {
    if value.is_object() || value.is_function() {
        Reflect::get_prototype_of(value)
            .map(|_| ())
            .map_err(|_| unreadable())
    } else {
        Ok(())
    }
}

/// `Array.isArray`, after [`readable`].
pub fn is_array(value: &JsValue) -> Result<bool, JsError> {
    readable(value)?;
    Ok(js_sys::Array::is_array(value))
}

/// A property through `Reflect.get`: a throwing getter is an error, not an exception.
pub fn get(value: &JsValue, key: &str) -> Result<JsValue, JsError> {
    Reflect::get(value, &JsValue::from_str(key)).map_err(|_| unreadable())
}

/// The items of an array or an array-like (a typed array, `{length, 0: …}`), each read
/// through `Reflect`.
pub fn items(value: &JsValue) -> Result<Vec<JsValue>, JsError> {
    readable(value)?;
    if !value.is_object() {
        return Err(JsError::new("expected a list"));
    }
    let length = get(value, "length")?
        .as_f64()
        .filter(|n| (0.0..=MAX_ITEMS).contains(n) && n.fract() == 0.0)
        .ok_or_else(|| JsError::new("expected a list"))?;
    (0..length as u32)
        .map(|i| Reflect::get_u32(value, i).map_err(|_| unreadable()))
        .collect()
}

/// The own string-keyed properties of an object and their values, each read through
/// `Reflect` (as `Object.entries` would give them, without its uncaught throws).
pub fn entries(value: &JsValue, max: usize) -> Result<Vec<(String, JsValue)>, JsError> {
    readable(value)?;
    let keys = Reflect::own_keys(value).map_err(|_| unreadable())?;
    if keys.length() as usize > max {
        return Err(JsError::new(&format!(
            "an object has {} keys, more than the limit of {max}",
            keys.length()
        )));
    }
    let mut out = Vec::with_capacity(keys.length() as usize);
    for i in 0..keys.length() {
        let key = Reflect::get_u32(&keys, i).map_err(|_| unreadable())?;
        let Some(name) = key.as_string() else {
            continue; // a symbol key
        };
        let enumerable =
            Reflect::get_own_property_descriptor(value.unchecked_ref::<js_sys::Object>(), &key)
                .map_err(|_| unreadable())?;
        if enumerable.is_undefined() || !get(&enumerable, "enumerable")?.as_bool().unwrap_or(false)
        {
            continue;
        }
        out.push((name, Reflect::get(value, &key).map_err(|_| unreadable())?));
    }
    Ok(out)
}
