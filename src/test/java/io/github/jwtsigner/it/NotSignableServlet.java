package io.github.jwtsigner.it;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Answers a signer filter cannot sign, by path info: {@code /page}, a 200 HTML page (passed through untouched);
 * {@code /broken}, a 200 {@code application/json} body that is not JSON (fails closed with {@code malformed_json}).
 */
public class NotSignableServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setCharacterEncoding("UTF-8");
        if ("/page".equals(req.getPathInfo())) {
            resp.setContentType("text/html");
            resp.getWriter().write("<p>welcome</p>");
        } else {
            resp.setContentType("application/json");
            resp.getWriter().write("{\"access_token\": {\"sub\": \"carol\",");
        }
    }
}
