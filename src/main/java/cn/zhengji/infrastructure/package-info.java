/**
 * Technical plumbing every module may use: the database (embedded or external), security
 * configuration and the signed-in user, the web frame (layout, errors, input trimming)
 * and the clock. It knows no business module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.zhengji.infrastructure;
