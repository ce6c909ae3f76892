package io.github.jwtsigner.tomcat9;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import java.io.IOException;

/** An API written for container authentication: answers who the request's user is, as the container says. */
public class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.getWriter().write("{\"user\": \"" + request.getRemoteUser() + "\", \"principal\": \""
                + request.getUserPrincipal().getName() + "\", \"authType\": \"" + request.getAuthType() + "\"}");
    }
}
