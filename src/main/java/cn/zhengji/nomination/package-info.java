/**
 * R-NOM The good-netizen nomination form (附件4): the resident ID number and its checks,
 * and the filled form as PDF and Word in the layout of 附件4. Holds no state of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Nomination", allowedDependencies = "infrastructure")
package cn.zhengji.nomination;
