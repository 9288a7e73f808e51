//! Serde values straight into Python objects, as `json.loads` would make them from what
//! serde_json prints: structs and maps become dicts (keys in field order), sequences and tuples
//! lists, `None` and unit None, numbers ints and floats. An `f32` becomes the float of its
//! shortest decimal form (2.8, not 2.799999952316284), as serde_json writes it; a float that is
//! not finite becomes None, as serde_json writes null.
//!
//! Building the dicts directly is several times faster than printing JSON and parsing it again,
//! and it is driven by the same `Serialize` implementations as `palaver code`'s output.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// Why a value could not be made into Python objects.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e.to_string())
    }
}

/// A value as Python objects.
pub fn to_py<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> Result<Bound<'py, PyAny>, Error> {
    value.serialize(ToPy { py })
}

/// The serializer: each call makes one Python object.
#[derive(Clone, Copy)]
pub struct ToPy<'py> {
    py: Python<'py>,
}

impl<'py> ToPy<'py> {
    fn obj<T>(self, value: T) -> Result<Bound<'py, PyAny>, Error>
    where
        T: IntoPyObject<'py>,
        PyErr: From<T::Error>,
    {
        Ok(value.into_bound_py_any(self.py)?)
    }

    fn float(self, value: f64) -> Result<Bound<'py, PyAny>, Error> {
        if value.is_finite() {
            self.obj(value)
        } else {
            Ok(self.py.None().into_bound(self.py))
        }
    }
}

/// A list under construction.
pub struct Seq<'py> {
    to: ToPy<'py>,
    items: Vec<Bound<'py, PyAny>>,
}

/// A dict under construction.
pub struct Dict<'py> {
    to: ToPy<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::Serializer for ToPy<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'py>;
    type SerializeTuple = Seq<'py>;
    type SerializeTupleStruct = Seq<'py>;
    type SerializeTupleVariant = Impossible<Self::Ok, Error>;
    type SerializeMap = Dict<'py>;
    type SerializeStruct = Dict<'py>;
    type SerializeStructVariant = Impossible<Self::Ok, Error>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok, Error> {
        self.obj(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, Error> {
        // Rust prints an f32 in the shortest form that reads back as the same f32, as serde_json does.
        self.float(v.to_string().parse::<f64>().unwrap_or(f64::NAN))
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, Error> {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, Error> {
        self.obj(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, Error> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, Error> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok, Error> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Self::Ok, Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<Self::Ok, Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        let dict = PyDict::new(self.py);
        dict.set_item(PyString::intern(self.py, variant), value.serialize(self)?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'py>, Error> {
        Ok(Seq { to: self, items: Vec::with_capacity(len.unwrap_or(0)) })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error(format!("{name}::{variant}: tuple variants are not made into Python objects")))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Dict<'py>, Error> {
        Ok(Dict { to: self, dict: PyDict::new(self.py), key: None })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Dict<'py>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error(format!("{name}::{variant}: struct variants are not made into Python objects")))
    }
}

impl<'py> Seq<'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.items.push(value.serialize(self.to)?);
        Ok(())
    }
    fn list(self) -> Result<Bound<'py, PyAny>, Error> {
        Ok(PyList::new(self.to.py, self.items)?.into_any())
    }
}

impl<'py> ser::SerializeSeq for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.list()
    }
}

impl<'py> ser::SerializeTuple for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.list()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.list()
    }
}

impl<'py> ser::SerializeMap for Dict<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // JSON object keys are strings: serde_json prints numbers and booleans as their text.
        let key = key.serialize(self.to)?;
        self.key = Some(if key.is_instance_of::<PyString>() { key } else { key.str()?.into_any() });
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self.key.take().ok_or_else(|| Error("a map value without its key".into()))?;
        self.dict.set_item(key, value.serialize(self.to)?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, Error> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Dict<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        // Field names are few and repeated in every event: interned, they are made once.
        self.dict.set_item(PyString::intern(self.to.py, key), value.serialize(self.to)?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, Error> {
        Ok(self.dict.into_any())
    }
}
