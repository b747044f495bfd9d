window.addEventListener("DOMContentLoaded",()=>{window.SwaggerUIBundle({url:"/openapi.json",dom_id:"#swagger-ui",validatorUrl:null,deepLinking:!0,tryItOutEnabled:!1})});
