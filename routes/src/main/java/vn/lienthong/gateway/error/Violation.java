package vn.lienthong.gateway.error;

/**
 * One thing wrong with a record.
 *
 * @param pointer JSON pointer into the canonical record ({@code /reporter/phone})
 * @param message what is wrong, for a person
 * @param code    stable code ({@code schema.pattern}, {@code schema.required}, ...)
 */
public record Violation(String pointer, String message, String code) {
}
