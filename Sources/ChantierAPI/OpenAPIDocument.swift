/// The OpenAPI description of the admin API, `openapi.yaml`, as compiled into the program
/// (``yaml`` is generated from the file at build time) and served at `/v1/openapi.yaml`.
public enum OpenAPIDocument {
    /// The API version in every path, `/v1`.
    public static let apiVersion = "1"
}
